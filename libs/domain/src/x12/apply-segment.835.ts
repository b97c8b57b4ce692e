import type { FieldError } from '../intake/field-error';
import { ADJUSTMENT_GROUPS, type AdjustmentGroup, type RemitAdjustment } from './remit-835.types';
import {
  type ClaimDraft835,
  type HeaderDraft835,
  type LineDraft835,
  newLineDraft,
  readAmount,
  readDate,
  segmentError,
} from './remit-draft.835';
import type { X12Segment } from './segment-reader';
import { el, parts } from './x12-values';

/** Bounds that keep one claim payment's memory small whatever the input says. */
export const MAX_REMIT_LINES = 999;
const MAX_ADJUSTMENTS = 99;
const MAX_REMARKS = 99;
const CLAIM_STATUSES = new Set(['1', '2', '3', '4', '19', '20', '21', '22', '23', '25']);
/** SVC01-1 product/service qualifiers of 005010X221A1. */
const SERVICE_QUALIFIERS = new Set(['HC', 'AD', 'ER', 'HP', 'IV', 'N4', 'NU', 'WK']);
const REMARK = /^[A-Z0-9]{1,5}$/;
const CARC = /^[A-Z0-9]{1,5}$/;

/** Transaction-set header: BPR, TRN, DTM*405 and the payer (N1*PR, 1000A) and payee (N1*PE, 1000B). */
export function applyHeaderSegment(header: HeaderDraft835, loop: string, s: X12Segment): void {
  const errors = header.errors;
  switch (s.id) {
    case 'BPR':
      header.seenBpr = true;
      header.handlingCode = el(s, 1);
      header.totalPaid = readAmount(s, 2, 'payment.totalPaid', errors) ?? 0;
      header.creditDebit = el(s, 3);
      header.paymentMethod = el(s, 4);
      if (el(s, 16) !== '') header.paymentDate = readDate(s, 16, 'payment.date', errors);
      else errors.push(segmentError(s, 'payment.date', 'BPR16 is required', 'REQUIRED'));
      if (header.creditDebit !== 'C' && header.creditDebit !== 'D')
        errors.push(segmentError(s, 'payment.creditDebit', 'BPR03 must be C or D'));
      return;
    case 'TRN':
      header.traceNumber = el(s, 2) || undefined;
      header.originatorId = el(s, 3) || undefined;
      if (el(s, 1) !== '1') errors.push(segmentError(s, 'trace', 'TRN01 must be 1 (current transaction trace number)'));
      if (!header.traceNumber) errors.push(segmentError(s, 'trace.number', 'TRN02 is required', 'REQUIRED'));
      return;
    case 'DTM':
      if (el(s, 1) === '405') header.productionDate = readDate(s, 2, 'productionDate', errors);
      return;
    case 'N1':
      if (loop === '1000A') {
        header.seenPayer = true;
        header.payer = { name: el(s, 2) || undefined, id: el(s, 4) || undefined };
      } else if (loop === '1000B') {
        header.seenPayee = true;
        header.payee = { name: el(s, 2) || undefined, idQualifier: el(s, 3) || undefined, id: el(s, 4) || undefined };
      }
      return;
    case 'REF':
      // 1000A REF*2U: the payer identification when N1*PR carries none.
      if (loop === '1000A' && el(s, 1) === '2U' && !header.payer.id) header.payer = { ...header.payer, id: el(s, 2) || undefined };
      return;
  }
}

/** Problems with a header once its first claim (or its SE) arrives. */
export function headerProblems(header: HeaderDraft835): FieldError[] {
  const where = `ST segment ${header.segment}`;
  const missing = (path: string, what: string): FieldError => ({
    path,
    code: 'REQUIRED',
    message: `no ${what} in the header`,
    source: where,
  });
  const found = [...header.errors];
  if (!header.seenBpr) found.push(missing('payment', 'BPR segment'));
  if (!header.seenPayer) found.push(missing('payer', 'payer (N1*PR)'));
  if (!header.seenPayee) found.push(missing('payee', 'payee (N1*PE)'));
  return found;
}

/** CLP: the claim payment. */
export function applyClp(claim: ClaimDraft835, s: X12Segment): void {
  const errors = claim.errors;
  claim.patientControlNumber = el(s, 1);
  if (claim.patientControlNumber === '') errors.push(segmentError(s, 'patientControlNumber', 'CLP01 is required', 'REQUIRED'));
  else if (claim.patientControlNumber.length > 38)
    errors.push(segmentError(s, 'patientControlNumber', 'CLP01 is longer than 38', 'TOO_LONG'));
  claim.status = el(s, 2);
  if (!CLAIM_STATUSES.has(claim.status)) errors.push(segmentError(s, 'status', 'CLP02 is not a claim status code of 005010X221A1'));
  claim.charge = readAmount(s, 3, 'charge', errors) ?? 0;
  claim.paid = readAmount(s, 4, 'paid', errors) ?? 0;
  claim.patientResponsibility = readAmount(s, 5, 'patientResponsibility', errors, false);
  claim.filingIndicator = el(s, 6) || undefined;
  claim.payerClaimControlNumber = el(s, 7);
  if (claim.payerClaimControlNumber === '') errors.push(segmentError(s, 'payerClaimControlNumber', 'CLP07 is required', 'REQUIRED'));
  claim.frequencyCode = el(s, 9) || undefined;
}

/** Segments of loops 2100 (claim) and 2110 (service line). */
export function applyClaimSegment(claim: ClaimDraft835, loop: string, s: X12Segment): void {
  const index = claim.lines.length - 1;
  const line = loop === '2110' && claim.lines.length === claim.lineCount ? claim.lines[index] : undefined;
  const base = line ? `lines[${index}].` : '';
  switch (s.id) {
    case 'SVC':
      claim.lineCount++;
      if (claim.lines.length < MAX_REMIT_LINES) claim.lines.push(applySvc(newLineDraft(s.ordinal), s, claim.lines.length, claim.errors));
      return;
    case 'CAS': {
      const target = line ?? (loop === '2100' ? claim : undefined);
      if (!target) return;
      return applyCas(target.adjustments, s, `${base}adjustments`, claim.errors);
    }
    case 'LQ':
      if (!line) return;
      if (el(s, 1) !== 'HE' && el(s, 1) !== 'RX') claim.errors.push(segmentError(s, `${base}remarks`, 'LQ01 must be HE or RX'));
      if (el(s, 1) === 'HE') addRemark(line.remarks, s, el(s, 2), `${base}remarks[${line.remarks.length}]`, claim.errors);
      return;
    case 'MOA':
      for (const n of [3, 4, 5, 6, 7])
        if (el(s, n)) addRemark(claim.remarks, s, el(s, n), `remarks[${claim.remarks.length}]`, claim.errors);
      return;
    case 'MIA':
      for (const n of [5, 20, 21, 22, 23])
        if (el(s, n)) addRemark(claim.remarks, s, el(s, n), `remarks[${claim.remarks.length}]`, claim.errors);
      return;
    case 'DTM':
      return applyDtm(claim, line, base, s);
    case 'REF':
      if (line && el(s, 1) === '6R') line.lineControlNumber = el(s, 2) || undefined;
      return;
    case 'AMT':
      if (line && el(s, 1) === 'B6') line.allowed = readAmount(s, 2, `${base}allowed`, claim.errors);
      return;
  }
}

function applyDtm(claim: ClaimDraft835, line: LineDraft835 | undefined, base: string, s: X12Segment): void {
  const qualifier = el(s, 1);
  if (line && (qualifier === '472' || qualifier === '150')) line.dateOfService = readDate(s, 2, `${base}dateOfService`, claim.errors);
  else if (!line && qualifier === '232') claim.statementFrom = readDate(s, 2, 'statementFrom', claim.errors);
  else if (!line && qualifier === '233') claim.statementTo = readDate(s, 2, 'statementTo', claim.errors);
}

function applySvc(line: LineDraft835, s: X12Segment, index: number, errors: FieldError[]): LineDraft835 {
  const base = `lines[${index}]`;
  const [qualifier, code, ...modifiers] = parts(s, 1);
  line.qualifier = qualifier ?? '';
  line.code = code ?? '';
  line.modifiers = modifiers.filter((m) => m !== '');
  if (!SERVICE_QUALIFIERS.has(line.qualifier)) errors.push(segmentError(s, `${base}.code`, 'SVC01-1 is not a product/service qualifier'));
  if (line.code === '') errors.push(segmentError(s, `${base}.code`, 'SVC01-2 (procedure code) is required', 'REQUIRED'));
  if (line.modifiers.length > 4)
    errors.push(segmentError(s, `${base}.modifiers`, 'SVC01 carries at most 4 modifiers', 'TOO_MANY_MODIFIERS'));
  line.charge = readAmount(s, 2, `${base}.charge`, errors) ?? 0;
  line.paid = readAmount(s, 3, `${base}.paid`, errors) ?? 0;
  const units = readAmount(s, 5, `${base}.units`, errors, false);
  if (units !== undefined) line.units = units;
  const [submittedQualifier, submittedCode, ...submittedModifiers] = parts(s, 6);
  if (submittedQualifier !== undefined) {
    line.submittedCode = submittedCode || undefined;
    line.submittedModifiers = submittedModifiers.filter((m) => m !== '');
  }
  return line;
}

/** CAS: a group code, then up to six reason/amount/quantity triples. */
function applyCas(into: RemitAdjustment[], s: X12Segment, path: string, errors: FieldError[]): void {
  const group = el(s, 1);
  if (!(ADJUSTMENT_GROUPS as readonly string[]).includes(group)) {
    errors.push(segmentError(s, `${path}[${into.length}].group`, 'CAS01 must be CO, CR, OA, PI or PR'));
    return;
  }
  let found = 0;
  for (let n = 2; n <= 17; n += 3) {
    const reason = el(s, n);
    if (reason === '' && el(s, n + 1) === '') continue;
    found++;
    const at = `${path}[${into.length}]`;
    if (!CARC.test(reason)) {
      errors.push(segmentError(s, `${at}.reason`, `CAS${String(n).padStart(2, '0')} must be a claim adjustment reason code`));
      continue;
    }
    const amount = readAmount(s, n + 1, `${at}.amount`, errors);
    const quantity = readAmount(s, n + 2, `${at}.quantity`, errors, false);
    if (amount === undefined) continue;
    if (into.length >= MAX_ADJUSTMENTS) {
      errors.push(segmentError(s, path, `at most ${MAX_ADJUSTMENTS} adjustments are read per claim or line`, 'TOO_LONG'));
      return;
    }
    const adjustment: RemitAdjustment = { group: group as AdjustmentGroup, reason, amount };
    into.push(quantity === undefined ? adjustment : { ...adjustment, quantity });
  }
  if (found === 0) errors.push(segmentError(s, `${path}[${into.length}].reason`, 'CAS02 is required', 'REQUIRED'));
}

function addRemark(into: string[], s: X12Segment, code: string, path: string, errors: FieldError[]): void {
  if (!REMARK.test(code)) errors.push(segmentError(s, path, 'a remark code must be 1 to 5 letters and digits'));
  else if (into.length < MAX_REMARKS) into.push(code);
}
