import { maiLabel, MUE_INDICATORS } from '../refdata/mue-indicator';
import type { AddonEntry, MueEntry } from '../refdata/tables';
import { DELETED_CODES } from '../validation/data/deleted-codes.data';
import { FACILITY_PACKAGED } from '../validation/data/facility-packaged.data';
import { GUIDANCE_RULES, type GuidanceRule } from '../validation/data/guidance-rules.data';
import { PCTC_INDICATORS } from '../validation/data/pctc-indicators.data';
import { STATUS_CODES } from '../validation/data/status-codes.data';
import type { GuidanceItem, PtpPairView } from './code-view.types';

export interface GuidanceFacts {
  readonly code: string;
  readonly status: string | null;
  readonly pctc: string | null;
  readonly addon: AddonEntry | null;
  readonly mue: { readonly setting: 'practitioner' | 'outpatient hospital'; readonly entry: MueEntry } | null;
  readonly bundledInto: readonly PtpPairView[];
}

const ADDON_TYPE: Record<1 | 2 | 3, string> = {
  1: 'Bill it only on the same claim as one of its listed primary codes, same date and same provider. On its own it is denied.',
  2: 'CMS lists no primary codes for it: your MAC decides which procedures it may be billed with. It is never paid on its own.',
  3: 'CMS lists some primary codes and your MAC may accept others. It is never paid on its own.',
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function ruleItem(rule: GuidanceRule): GuidanceItem {
  const title = rule.maxPerSession ? `At most ${rule.maxPerSession} unit per session` : `Not with ${(rule.withCodes ?? []).join(', ')}`;
  return { edit: 'GUIDANCE_INCLUDED', title, text: `${cap(rule.reason)}. ${rule.instead}` };
}

function addonItems(addon: AddonEntry): GuidanceItem[] {
  return [
    { edit: 'ADDON_WITHOUT_PRIMARY', title: 'Add-on code', text: ADDON_TYPE[addon.type] },
    {
      edit: 'ADDON_MODIFIER_51',
      title: 'No modifier 51',
      text: 'Add-on codes are exempt from the multiple-procedure reduction, so modifier 51 does not belong on them and is removed.',
    },
  ];
}

function ptpItem(code: string, pairs: readonly PtpPairView[]): GuidanceItem {
  const open = pairs.filter((p) => p.bypassable).length;
  const text =
    `Billed on the same date as one of the ${pairs.length} column-1 codes listed below, ${code} is denied as part of that service. ` +
    (open
      ? `${open} of these pairs (modifier indicator 1) allow both when the record shows a separate site, session or encounter and the line carries XE, XS, XP, XU or 59. `
      : '') +
    (pairs.length - open ? `${pairs.length - open} (indicator 0) never allow both.` : '');
  return { edit: 'PTP_BUNDLED', title: 'Bundling pairs', text: text.trim() };
}

function documentationItems(code: string, pctc: string | null): GuidanceItem[] {
  const items: GuidanceItem[] = [];
  if (['77001', '77002', '77003'].includes(code))
    items.push({
      edit: 'DOCUMENTATION',
      title: 'Save the images',
      text: 'Keep the fluoroscopic images in the record with the interpretation in the procedure note; missing images are the most common audit finding for guidance codes.',
    });
  if (code === '76000')
    items.push({
      edit: 'DOCUMENTATION',
      title: 'Record the time',
      text: 'Document the physician fluoroscopy time: the code covers up to one hour and nothing more can be billed for longer sessions.',
    });
  if (pctc === '1')
    items.push({
      edit: 'DOCUMENTATION',
      title: 'Signed report',
      text: 'The professional part is paid only with a separate, signed written interpretation in the record.',
    });
  return items;
}

/** Our billing rules for one code, each named by the edit that enforces it when a claim breaks it. */
export function billingGuidance(facts: GuidanceFacts): GuidanceItem[] {
  const { code } = facts;
  const items: GuidanceItem[] = [];
  const deleted = DELETED_CODES.get(code);
  if (deleted) items.push({ edit: 'CODE_DELETED', title: `Deleted on ${deleted.deleted}`, text: deleted.advice });
  const status = facts.status ? STATUS_CODES[facts.status] : undefined;
  if (status && !status.payable)
    items.push({ edit: 'CODE_NOT_PAYABLE', title: 'Not paid by Medicare', text: `${cap(status.meaning)}. ${status.instead}` });
  if (facts.addon) items.push(...addonItems(facts.addon));
  items.push(...GUIDANCE_RULES.filter((r) => r.code === code).map(ruleItem));
  if (facts.bundledInto.length) items.push(ptpItem(code, facts.bundledInto));
  if (facts.mue) {
    const { setting, entry } = facts.mue;
    items.push({
      edit: 'MUE_EXCEEDED',
      title: `At most ${entry.value} unit${entry.value === 1 ? '' : 's'}`,
      text: `The ${setting} MUE is ${entry.value} ${MUE_INDICATORS[entry.mai].scope} (${maiLabel(entry.mai)}): ${MUE_INDICATORS[entry.mai].effect}.`,
    });
  }
  if (facts.pctc === '1')
    items.push({
      edit: 'PCTC_MODIFIER',
      title: 'Modifier 26 in a facility',
      text: 'In a hospital or other facility the facility bills the technical part, so the physician bills only the professional part with modifier 26; the global code is for an office that owns the equipment.',
    });
  const indicator = facts.pctc ? PCTC_INDICATORS[facts.pctc] : undefined;
  if (indicator?.redundant)
    items.push({
      edit: 'PCTC_MODIFIER',
      title: `No modifier ${indicator.redundant}`,
      text: `The code already is ${indicator.meaning}; modifier ${indicator.redundant} is redundant and removed.`,
    });
  const packaged = FACILITY_PACKAGED.find((g) => g.codes.includes(code));
  if (packaged)
    items.push({
      edit: 'FACILITY_PACKAGED',
      title: 'Packaged for the facility',
      text: `On a hospital outpatient or ASC claim, ${packaged.summary}; the physician's modifier 26 line is paid as usual.`,
    });
  items.push(...documentationItems(code, facts.pctc));
  return items;
}
