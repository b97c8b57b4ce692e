/**
 * 837P (005010X222A1) loop map as data: which segment, with which qualifier, opens which loop.
 * `scope` limits a rule to where the loop can occur: before the first CLM of a hierarchy
 * ('header'), inside a claim ('claim': 2300-2330) or inside a service line ('line': 2400-2430).
 * Segments that open no loop stay in the current one.
 */
export type LoopScope = 'any' | 'header' | 'claim' | 'line';

export interface LoopRule {
  readonly segment: string;
  /** Element index and values that must match (HL03 = 20, NM101 = 85, ...). */
  readonly qualifier?: { readonly element: number; readonly values: readonly string[] };
  readonly scope: LoopScope;
  readonly loop: string;
}

const nm1 = (values: string[], scope: LoopScope, loop: string): LoopRule => ({
  segment: 'NM1',
  qualifier: { element: 1, values },
  scope,
  loop,
});
const hl = (code: string, loop: string): LoopRule => ({ segment: 'HL', qualifier: { element: 3, values: [code] }, scope: 'any', loop });

export const LOOP_MAP_837P: readonly LoopRule[] = [
  nm1(['41'], 'header', '1000A'), // submitter
  nm1(['40'], 'header', '1000B'), // receiver
  hl('20', '2000A'), // billing provider
  hl('22', '2000B'), // subscriber
  hl('23', '2000C'), // patient
  nm1(['85'], 'header', '2010AA'), // billing provider name, N3/N4 address
  nm1(['87'], 'header', '2010AB'), // pay-to address
  nm1(['PE'], 'header', '2010AC'), // pay-to plan
  nm1(['IL'], 'header', '2010BA'), // subscriber name
  nm1(['PR'], 'header', '2010BB'), // payer name
  nm1(['QC'], 'header', '2010CA'), // patient name
  { segment: 'CLM', scope: 'any', loop: '2300' },
  nm1(['DN', 'P3'], 'claim', '2310A'), // referring provider
  nm1(['82'], 'claim', '2310B'), // rendering provider
  nm1(['77'], 'claim', '2310C'), // service facility location, N3/N4 address
  nm1(['DQ'], 'claim', '2310D'), // supervising provider
  nm1(['PW'], 'claim', '2310E'), // ambulance pick-up
  nm1(['45'], 'claim', '2310F'), // ambulance drop-off
  { segment: 'SBR', scope: 'claim', loop: '2320' }, // other subscriber
  nm1(['IL'], 'claim', '2330A'),
  nm1(['PR'], 'claim', '2330B'),
  { segment: 'LX', scope: 'any', loop: '2400' },
  nm1(['82'], 'line', '2420A'),
  nm1(['QB'], 'line', '2420B'),
  nm1(['77'], 'line', '2420C'),
  nm1(['DQ'], 'line', '2420D'),
  nm1(['DK'], 'line', '2420E'),
  nm1(['DN', 'P3'], 'line', '2420F'),
  { segment: 'LIN', scope: 'line', loop: '2410' },
  { segment: 'SVD', scope: 'line', loop: '2430' },
];

/** Segment ids the 837P uses; anything else is a bad segment. */
export const SEGMENTS_837P: ReadonlySet<string> = new Set([
  'ISA',
  'GS',
  'ST',
  'BHT',
  'NM1',
  'N2',
  'N3',
  'N4',
  'PER',
  'HL',
  'PRV',
  'SBR',
  'PAT',
  'DMG',
  'REF',
  'CUR',
  'CLM',
  'DTP',
  'PWK',
  'CN1',
  'AMT',
  'K3',
  'NTE',
  'CR1',
  'CR2',
  'CRC',
  'HI',
  'HCP',
  'LX',
  'SV1',
  'SV5',
  'CR3',
  'QTY',
  'MEA',
  'PS1',
  'LIN',
  'CTP',
  'SVD',
  'CAS',
  'LQ',
  'FRM',
  'MOA',
  'OI',
  'MIA',
  'SE',
  'GE',
  'IEA',
  'TA1',
]);

export function scopeOf(loop: string): LoopScope {
  if (loop.startsWith('23')) return 'claim';
  if (loop.startsWith('24')) return 'line';
  return 'header';
}

/** The loop the segment opens, or null when it stays in `current`. */
const RULES_BY_SEGMENT = new Map<string, LoopRule[]>();
for (const rule of LOOP_MAP_837P) RULES_BY_SEGMENT.set(rule.segment, [...(RULES_BY_SEGMENT.get(rule.segment) ?? []), rule]);

export function nextLoop(current: string, id: string, elements: readonly string[]): string | null {
  const rules = RULES_BY_SEGMENT.get(id);
  if (!rules) return null;
  const scope = scopeOf(current);
  for (const rule of rules) {
    if (rule.scope !== 'any' && rule.scope !== scope) continue;
    if (rule.qualifier && !rule.qualifier.values.includes(elements[rule.qualifier.element] ?? '')) continue;
    return rule.loop;
  }
  return null;
}
