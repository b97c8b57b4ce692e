import { DELETED_CODES } from '../data/deleted-codes.data';
import { STATUS_CODES } from '../data/status-codes.data';
import type { EditFacts, EditText, Template } from '../edit-facts';

const at = (code: string, f: EditFacts) => `${code} (line ${f.lines[0]})`;

const status = (code: string, s: string, f: EditFacts, meaning: string, instead: string): EditText => ({
  message: `${at(code, f)} has fee-schedule status ${s}: ${meaning}. ${instead}`,
  detail: instead,
});

const CHECK_CODE_SET = 'Check the code against the CPT/HCPCS code set for the date of service.';

/** CODE_UNKNOWN, CODE_DELETED, CODE_NOT_PAYABLE: the status meanings and deleted codes are the domain's own tables. */
export const CODE_STATUS_TEXT = {
  'status.unknown': (p: { code: string; status: string }, f) =>
    status(p.code, p.status, f, `carries status "${p.status}", which this scrubber does not know`, 'Check the code with your MAC.'),
  'status.not-payable': (p: { code: string; status: string }, f) =>
    status(p.code, p.status, f, STATUS_CODES[p.status].meaning, STATUS_CODES[p.status].instead),
  'status.t-bundled': (p: { code: string; status: string }, f) =>
    status(
      p.code,
      p.status,
      f,
      `${STATUS_CODES[p.status].meaning}, and this claim has another payable service that day by the same provider`,
      'Status T injections are bundled into the other physician services of the day; remove the line.',
    ),
  'code.not-in-excerpt': (p: { code: string; period: string }, f) => ({
    message: `${at(p.code, f)} is not in the ${p.period} excerpt shipped here: unknown to this partial release (${f.source.release}, a fee-schedule excerpt), which does not make it deleted or invalid, but its status could not be checked.`,
    detail: 'Validate against a complete fee-schedule release to check this code.',
  }),
  'code.other-schedule': (p: { code: string }, f) => ({
    message: `${at(p.code, f)} is not on the physician fee schedule ${f.source.release}; it may be priced on another Medicare fee schedule (clinical lab, DMEPOS, drugs), which this check does not cover.`,
    detail: CHECK_CODE_SET,
  }),
  'code.unknown': (p: { code: string; date: string }, f) => ({
    message: `${at(p.code, f)} is not on the physician fee schedule in force on ${p.date} (${f.source.release}): it is not a valid code for that date.`,
    detail: CHECK_CODE_SET,
  }),
  'code.deleted': (p: { code: string; date: string }, f) => {
    const d = DELETED_CODES.get(p.code)!;
    const { action, replacementCode } = f.fix;
    return {
      message: `${at(p.code, f)} was deleted on ${d.deleted} and cannot be billed for ${p.date}. ${d.advice}`,
      detail:
        action === 'remove-line'
          ? `${d.replacement} is already on the claim for this session; remove the ${p.code} line.`
          : replacementCode
            ? `Replace ${p.code} with ${replacementCode}.`
            : d.advice,
    };
  },
} satisfies Record<string, Template<never>>;
