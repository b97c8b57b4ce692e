import { ADDON_TEXT } from './addon.text';
import { CODE_STATUS_TEXT } from './code-status.text';
import { DOCUMENTATION_TEXT } from './documentation.text';
import { FACILITY_TEXT } from './facility.text';
import { GUIDANCE_TEXT } from './guidance.text';
import { MODIFIER_TEXT } from './modifier.text';
import { MUE_TEXT } from './mue.text';
import { PCTC_TEXT } from './pctc.text';
import { PTP_TEXT } from './ptp.text';

/** Every edit template by id: the prose of the rules' edits, written once, from an edit's facts (renderEdit). */
export const EDIT_TEMPLATES_BY_ID = {
  ...CODE_STATUS_TEXT,
  ...PTP_TEXT,
  ...MODIFIER_TEXT,
  ...MUE_TEXT,
  ...ADDON_TEXT,
  ...GUIDANCE_TEXT,
  ...PCTC_TEXT,
  ...FACILITY_TEXT,
  ...DOCUMENTATION_TEXT,
};

export type EditTemplate = keyof typeof EDIT_TEMPLATES_BY_ID;

/** The template ids, for the wire schema. */
export const EDIT_TEMPLATES = Object.keys(EDIT_TEMPLATES_BY_ID) as [EditTemplate, ...EditTemplate[]];
