import { FieldError, FieldErrorCode, fieldError } from '../intake/field-error';
import type { X12Segment } from './segment-reader';
import { el } from './x12-values';

export const IMPLEMENTATION_837P = '005010X222A1';
/** ISA12, the interchange control version of 005010. */
export const ISA_VERSION = '00501';

/** Which transaction set (ST01) and implementation guide (GS08, ST03) an envelope must carry. */
export interface TransactionSpec {
  readonly transactionSet: string;
  readonly implementation: string;
}

export const SPEC_837P: TransactionSpec = { transactionSet: '837', implementation: IMPLEMENTATION_837P };

interface Open {
  control: string;
  count: number;
  segment: number;
}

/**
 * ISA/IEA, GS/GE and ST/SE bookkeeping: control numbers must match and trailers must count
 * what they enclose (IEA01 groups, GE01 transaction sets, SE01 segments from ST to SE).
 */
export class EnvelopeTracker {
  interchange?: Open;
  group?: Open;
  transaction?: Open;

  constructor(private readonly spec: TransactionSpec = SPEC_837P) {}

  open(s: X12Segment): FieldError[] {
    const errors: FieldError[] = [];
    if (s.id === 'ISA') {
      if (this.interchange) errors.push(issue(s, 'ISA', 'X12_ENVELOPE_INCOMPLETE', `interchange ${this.interchange.control} has no IEA`));
      this.interchange = { control: el(s, 13), count: 0, segment: s.ordinal };
      this.group = this.transaction = undefined;
      if (el(s, 12) !== ISA_VERSION)
        errors.push(issue(s, 'ISA12', 'X12_VERSION_UNSUPPORTED', `ISA12 must be ${ISA_VERSION}, got ${el(s, 12).slice(0, 10)}`));
    } else if (s.id === 'GS') {
      if (!this.interchange || this.group) errors.push(issue(s, 'GS', 'X12_SEGMENT_UNEXPECTED', 'GS must follow ISA or GE'));
      if (this.interchange) this.interchange.count++;
      this.group = { control: el(s, 6), count: 0, segment: s.ordinal };
      const { implementation } = this.spec;
      if (el(s, 8) !== implementation)
        errors.push(issue(s, 'GS08', 'X12_VERSION_UNSUPPORTED', `GS08 must be ${implementation}, got ${el(s, 8).slice(0, 20)}`));
    } else if (s.id === 'ST') {
      if (!this.group || this.transaction) errors.push(issue(s, 'ST', 'X12_SEGMENT_UNEXPECTED', 'ST must follow GS or SE'));
      if (this.group) this.group.count++;
      this.transaction = { control: el(s, 2), count: 0, segment: s.ordinal };
      const { transactionSet, implementation } = this.spec;
      if (el(s, 1) !== transactionSet)
        errors.push(issue(s, 'ST01', 'X12_VERSION_UNSUPPORTED', `ST01 must be ${transactionSet}, got ${el(s, 1).slice(0, 10)}`));
      if (el(s, 3) !== implementation)
        errors.push(issue(s, 'ST03', 'X12_VERSION_UNSUPPORTED', `ST03 must be ${implementation}, got ${el(s, 3).slice(0, 20)}`));
    }
    return errors;
  }

  close(s: X12Segment): FieldError[] {
    const errors: FieldError[] = [];
    if (s.id === 'SE') {
      const tx = this.transaction;
      if (!tx) return [issue(s, 'SE', 'X12_SEGMENT_UNEXPECTED', 'SE without ST')];
      const count = s.ordinal - tx.segment + 1;
      if (el(s, 1) !== String(count))
        errors.push(issue(s, 'SE01', 'X12_SEGMENT_COUNT', `SE01 says ${el(s, 1)} segments, transaction set ${tx.control} has ${count}`));
      if (el(s, 2) !== tx.control)
        errors.push(issue(s, 'SE02', 'X12_CONTROL_MISMATCH', `SE02 ${el(s, 2)} does not match ST02 ${tx.control}`));
      this.transaction = undefined;
    } else if (s.id === 'GE') {
      const group = this.group;
      if (!group) return [issue(s, 'GE', 'X12_SEGMENT_UNEXPECTED', 'GE without GS')];
      if (this.transaction) errors.push(issue(s, 'GE', 'X12_ENVELOPE_INCOMPLETE', `transaction set ${this.transaction.control} has no SE`));
      if (el(s, 1) !== String(group.count))
        errors.push(
          issue(s, 'GE01', 'X12_TRANSACTION_COUNT', `GE01 says ${el(s, 1)} transaction sets, group ${group.control} has ${group.count}`),
        );
      if (el(s, 2) !== group.control)
        errors.push(issue(s, 'GE02', 'X12_CONTROL_MISMATCH', `GE02 ${el(s, 2)} does not match GS06 ${group.control}`));
      this.group = this.transaction = undefined;
    } else if (s.id === 'IEA') {
      const isa = this.interchange;
      if (!isa) return [issue(s, 'IEA', 'X12_SEGMENT_UNEXPECTED', 'IEA without ISA')];
      if (this.group) errors.push(issue(s, 'IEA', 'X12_ENVELOPE_INCOMPLETE', `group ${this.group.control} has no GE`));
      if (el(s, 1) !== String(isa.count))
        errors.push(issue(s, 'IEA01', 'X12_GROUP_COUNT', `IEA01 says ${el(s, 1)} groups, interchange has ${isa.count}`));
      if (el(s, 2) !== isa.control)
        errors.push(issue(s, 'IEA02', 'X12_CONTROL_MISMATCH', `IEA02 ${el(s, 2)} does not match ISA13 ${isa.control}`));
      this.interchange = this.group = this.transaction = undefined;
    }
    return errors;
  }

  /** Problems left when the input ends. */
  end(): FieldError[] {
    if (!this.interchange) return [];
    const what = this.transaction
      ? `transaction set ${this.transaction.control} has no SE`
      : this.group
        ? `group ${this.group.control} has no GE`
        : 'no IEA';
    return [fieldError('IEA', 'X12_ENVELOPE_INCOMPLETE', `interchange ${this.interchange.control} ends early: ${what}`)];
  }
}

function issue(s: X12Segment, path: string, code: FieldErrorCode, message: string): FieldError {
  return fieldError(path, code, message, `${s.id} segment ${s.ordinal}`);
}
