import type { FieldErrorCode } from '../../intake/field-error';
import type { Ik4Code } from './ack-999.codes';

/** Where a canonical-claim field sits in an 837P (005010X222A1): segment, loop, element, component, reference number. */
export interface ElementPlace {
  readonly segmentId: string;
  readonly loop: string;
  readonly position?: number;
  readonly component?: number;
  readonly reference?: string;
}

const at = (segmentId: string, loop: string, position?: number, component?: number, reference?: string): ElementPlace => ({
  segmentId,
  loop,
  position,
  component,
  reference,
});

/** Canonical paths with indexes written as `[]`, then the place of the field they name. */
const PLACES: ReadonlyArray<readonly [RegExp, (index: number) => ElementPlace]> = [
  [/^lines\[\]\.code$/, () => at('SV1', '2400', 1, 2, '234')],
  [/^lines\[\]\.modifiers\[\]$/, (i) => at('SV1', '2400', 1, 3 + i, '1339')],
  [/^lines\[\]\.modifiers$/, () => at('SV1', '2400', 1, 3, '1339')],
  [/^lines\[\]\.charge$/, () => at('SV1', '2400', 2, undefined, '782')],
  [/^lines\[\]\.units$/, () => at('SV1', '2400', 4, undefined, '380')],
  [/^lines\[\]\.placeOfService$/, () => at('SV1', '2400', 5, undefined, '1331')],
  [/^lines\[\]\.diagnosisPointers\[\]$/, (i) => at('SV1', '2400', 7, 1 + i, '1328')],
  [/^lines\[\]\.diagnosisPointers$/, () => at('SV1', '2400', 7, 1, '1328')],
  [/^lines\[\]\.dateOfService$/, () => at('DTP', '2400', 3, undefined, '1251')],
  [/^lines\[\]\.lineNumber$/, () => at('LX', '2400', 1, undefined, '554')],
  [/^lines\[\]\.renderingProviderNpi$/, () => at('NM1', '2420A', 9, undefined, '67')],
  [/^lines$/, () => at('CLM', '2300', 2, undefined, '782')],
  [/^submitterClaimId$/, () => at('CLM', '2300', 1, undefined, '1028')],
  [/^placeOfService$/, () => at('CLM', '2300', 5, 1, '1331')],
  [/^frequencyCode$/, () => at('CLM', '2300', 5, 3, '1325')],
  [/^diagnoses\[\]$/, (i) => at('HI', '2300', 1 + i, 2, '1271')],
  [/^diagnoses$/, () => at('HI', '2300')],
  [/^billingProvider\.npi$/, () => at('NM1', '2010AA', 9, undefined, '67')],
  [/^billingProvider$/, () => at('HL', '2000A')],
  [/^renderingProviderNpi$/, () => at('NM1', '2310B', 9, undefined, '67')],
  [/^serviceFacility\.npi$/, () => at('NM1', '2310C', 9, undefined, '67')],
  [/^payer\.type$/, () => at('SBR', '2000B', 9, undefined, '1032')],
];

/** The place of a canonical path (`lines[2].modifiers[1]`), or undefined when the 837P has no single element for it. */
export function placeOf(path: string): ElementPlace | undefined {
  const indexes = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const shape = path.replace(/\[\d+\]/g, '[]');
  const found = PLACES.find(([pattern]) => pattern.test(shape));
  return found?.[1](indexes[indexes.length - 1] ?? 0);
}

/** IK403 for an intake finding: missing, too long, a bad date, a value outside its code list, or a bad form. */
export function elementCode(code: FieldErrorCode): Ik4Code {
  switch (code) {
    case 'REQUIRED':
      return '1';
    case 'TOO_LONG':
      return '5';
    case 'DATE_INVALID':
      return '8';
    case 'TOO_MANY_MODIFIERS':
    case 'TOO_MANY_DIAGNOSES':
    case 'TOO_MANY_POINTERS':
      return '3';
    case 'POS_UNKNOWN':
    case 'MODIFIER_UNKNOWN':
    case 'FREQUENCY_INVALID':
    case 'PAYER_TYPE_INVALID':
      return '7';
    default:
      return 'I12';
  }
}
