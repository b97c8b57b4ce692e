import type { EditCode } from './edit';

/** ClaimFlow's edit codes in a biller's words, for the report form, the worklist and anything that names an edit to a person (a new code must be named here). */
export const EDIT_NAMES: Readonly<Record<EditCode, string>> = {
  CODE_UNKNOWN: 'Code not found',
  CODE_DELETED: 'Deleted code',
  CODE_NOT_PAYABLE: 'Code not payable by Medicare',
  PTP_BUNDLED: 'Bundled with another code (NCCI pair)',
  MUE_EXCEEDED: 'Too many units (NCCI MUE)',
  ADDON_WITHOUT_PRIMARY: 'Add-on code without its primary',
  ADDON_MODIFIER_51: 'Modifier 51 on an add-on code',
  GUIDANCE_INCLUDED: 'Imaging guidance already included',
  PCTC_MODIFIER: 'Professional/technical modifier problem',
  FACILITY_PACKAGED: 'Packaged in the facility payment',
  DOCUMENTATION: 'Documentation missing',
  MODIFIER_INVALID: 'Modifier not allowed on this code',
  REFDATA_UNAVAILABLE: 'Not fully checked (rules not loaded)',
};
