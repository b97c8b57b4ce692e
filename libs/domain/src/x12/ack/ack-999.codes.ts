/**
 * Code lists of the 999 Implementation Acknowledgment (ASC X12 005010X231A1), as the guide names them.
 * IK304 Implementation Segment Syntax Error Code (element 620).
 */
export const IK3_CODES = {
  '1': 'Unrecognized segment ID',
  '2': 'Unexpected segment',
  '3': 'Required segment missing',
  '4': 'Loop occurs over maximum times',
  '8': 'Segment has data element errors',
} as const;
export type Ik3Code = keyof typeof IK3_CODES;

/** IK403 Implementation Data Element Syntax Error Code (element 621). */
export const IK4_CODES = {
  '1': 'Required data element missing',
  '3': 'Too many data elements',
  '5': 'Data element too long',
  '7': 'Invalid code value',
  '8': 'Invalid date',
  I12: 'Implementation pattern match failure',
} as const;
export type Ik4Code = keyof typeof IK4_CODES;

/** IK502-IK506 Implementation Transaction Set Syntax Error Code (element 618). */
export const IK5_CODES = {
  '2': 'Transaction set trailer missing',
  '3': 'Transaction set control number in header and trailer do not match',
  '4': 'Number of included segments does not match actual count',
  '6': 'Missing or invalid transaction set identifier',
  I5: 'Implementation one or more segments in error',
  I6: 'Implementation convention not supported',
} as const;
export type Ik5Code = keyof typeof IK5_CODES;

/** AK905-AK909 Functional Group Syntax Error Code (element 716). */
export const AK9_CODES = {
  '2': 'Functional group version not supported',
  '3': 'Functional group trailer missing',
  '4': 'Group control number in the functional group header and trailer do not agree',
  '5': 'Number of included transaction sets does not match actual count',
} as const;
export type Ak9Code = keyof typeof AK9_CODES;

/** IK501 and AK901: accepted, accepted with errors noted, partially accepted (AK901 only), rejected. */
export type AckCode = 'A' | 'E' | 'P' | 'R';
