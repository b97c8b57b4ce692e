import type { RefDataCatalog } from '../refdata/catalog';
import { lookupCode, type CodeLookup, type Sourced } from '../refdata/lookup-code';
import type { Dataset } from '../refdata/release';
import type { PtpEdit } from '../refdata/tables';
import type { IsoDate } from '../shared/dates';
import { err, ok, type Result } from '../shared/result';
import { DELETED_CODES } from '../validation/data/deleted-codes.data';
import { PCTC_INDICATORS } from '../validation/data/pctc-indicators.data';
import { STATUS_CODES } from '../validation/data/status-codes.data';
import { billingGuidance } from './billing-guidance';
import { codeChanges } from './code-changes';
import { codeSummary } from './code-summaries.data';
import type { CodeView, PtpPairView } from './code-view.types';
import { datasetDate, nearestComplete } from './nearest-release';

const GLOBAL_DAYS: Readonly<Record<string, string>> = {
  '000': 'minor procedure: same-day follow-up care is included',
  '010': 'minor procedure: follow-up care for 10 days is included',
  '090': 'major surgery: the day before, the day of and 90 days after are included',
  XXX: 'the global surgery concept does not apply',
  YYY: 'the MAC sets the global period',
  ZZZ: 'part of another service and falls within that service’s global period',
  MMM: 'maternity care: the usual global rules do not apply',
};

export interface CodeViewError {
  readonly code: 'CODE_UNKNOWN';
  readonly message: string;
}

const pairs = (edits: readonly PtpEdit[]): PtpPairView[] => edits.map((e) => ({ ...e, bypassable: e.modifierIndicator === '1' }));

/** No answer for the code: null, an empty list, or an object whose lists are all empty (a fee schedule's rows beside its conversion factor). */
const isEmpty = (v: unknown): boolean => {
  if (v === null || (Array.isArray(v) && v.length === 0)) return true;
  const lists = typeof v === 'object' && v !== null ? Object.values(v).filter(Array.isArray) : [];
  return lists.length > 0 && lists.every((x) => x.length === 0);
};

/**
 * Reads one dataset on its own date: the asked one, or else the nearest complete release, with a note
 * saying so. A partial release that lacks the code knows nothing about it, so a complete one answers then too.
 */
function sourced<T>(
  catalog: RefDataCatalog,
  code: string,
  date: IsoDate,
  dataset: Dataset,
  pick: (l: CodeLookup) => Sourced<T>,
): Sourced<T> {
  const read = (on: { date: IsoDate; note?: string }): Sourced<T> => {
    const answer = pick(lookupCode(catalog, code, on.date, { latest: true }));
    return answer.release !== null && on.note ? { ...answer, notes: [on.note, ...answer.notes] } : answer;
  };
  const first = read(datasetDate(catalog, dataset, date));
  if (first.release === null || !first.partial || !isEmpty(first.value)) return first;
  const fallback = read(nearestComplete(catalog, dataset, date, `${first.release} (partial) does not cover ${code}`));
  return fallback.release !== null && !fallback.partial ? fallback : first;
}

/** Everything the code page needs besides the money, which the pricing service answers. */
export function buildCodeView(catalog: RefDataCatalog, code: string, date: IsoDate): Result<CodeView, CodeViewError> {
  const fee = sourced(catalog, code, date, 'mpfs-rvu', (l) => l.feeSchedule);
  const addon = sourced(catalog, code, date, 'ncci-addon', (l) => l.addon);
  const mue = {
    practitioner: sourced(catalog, code, date, 'ncci-mue-practitioner', (l) => l.mue.practitioner),
    hospital: sourced(catalog, code, date, 'ncci-mue-hospital', (l) => l.mue.hospital),
    dme: sourced(catalog, code, date, 'ncci-mue-dme', (l) => l.mue.dme),
  };
  const rawPtp = sourced(catalog, code, date, 'ncci-ptp-practitioner', (l) => l.ptp);
  const ptp =
    rawPtp.release === null
      ? rawPtp
      : { ...rawPtp, value: { asColumn1: pairs(rawPtp.value.asColumn1), asColumn2: pairs(rawPtp.value.asColumn2) } };
  const row = fee.release !== null ? (fee.value.rows.find((r) => r.modifier === '') ?? fee.value.rows[0]) : undefined;
  const value = <T>(s: Sourced<T | null>): T | null => (s.release === null ? null : s.value);
  const inPtp = ptp.release !== null && ptp.value.asColumn1.length + ptp.value.asColumn2.length > 0;
  if (!row && !value(addon) && !value(mue.practitioner) && !value(mue.hospital) && !inPtp && !codeSummary(code) && !DELETED_CODES.has(code))
    return err({ code: 'CODE_UNKNOWN', message: `${code} is in none of the loaded fee schedule or NCCI releases for ${date}.` });
  return ok({
    code,
    date,
    summary: codeSummary(code),
    feeScheduleRelease: fee.release,
    status: row
      ? {
          value: row.status,
          meaning: STATUS_CODES[row.status]?.meaning ?? 'not described',
          payable: STATUS_CODES[row.status]?.payable ?? false,
        }
      : null,
    globalDays: row ? { value: row.globalDays, meaning: GLOBAL_DAYS[row.globalDays] ?? 'not described' } : null,
    pctc: row ? { value: row.pctcIndicator, meaning: PCTC_INDICATORS[row.pctcIndicator]?.meaning ?? 'not described' } : null,
    addon,
    mue,
    ptp,
    guidance: billingGuidance({
      code,
      status: row?.status ?? null,
      pctc: row?.pctcIndicator ?? null,
      addon: value(addon),
      mue: value(mue.practitioner)
        ? { setting: 'practitioner', entry: value(mue.practitioner)! }
        : value(mue.hospital)
          ? { setting: 'outpatient hospital', entry: value(mue.hospital)! }
          : null,
      bundledInto: ptp.release === null ? [] : ptp.value.asColumn2,
    }),
    changes: codeChanges(catalog, code, date),
  });
}
