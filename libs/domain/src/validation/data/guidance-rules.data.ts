/**
 * CPT "do not report with" instructions for fluoroscopic guidance that reach beyond the NCCI PTP tables
 * (CPT parentheticals for 76000, 77002, 77003 and the guidance-inclusive procedure descriptors).
 * Each rule denies `code` in a session (same date of service and rendering provider).
 */
export interface GuidanceRule {
  readonly id: string;
  readonly code: string;
  /** The session holds one of these codes (singles and inclusive ranges, as CPT writes them). */
  readonly withCodes?: readonly string[];
  /** The rule stands down when the session also holds one of these (the code then serves another site). */
  readonly unlessCodes?: readonly string[];
  /** Or: the code is reported more than this many units in the session. */
  readonly maxPerSession?: number;
  readonly reason: string;
  readonly instead: string;
  /**
   * Removing the line is automatic unless the right correction lies elsewhere (another code to use),
   * which only the coder can confirm.
   */
  readonly manual?: { readonly action: 'replace-code' | 'remove-line'; readonly replacementCode?: string };
}

export const GUIDANCE_RULES: readonly GuidanceRule[] = [
  {
    id: '77003-with-guided-injection',
    code: '77003',
    withCodes: ['62320-62329', '62270', '62272', '64415-64417', '64445-64448', '0627T', '0628T'],
    reason: 'CPT instructs not to report 77003 with this procedure: its "with imaging guidance" codes include the fluoroscopy, and the others may not add it separately',
    instead: 'Report the procedure code alone (use the "with imaging guidance" variant when fluoroscopy was used).',
  },
  {
    id: '77003-with-facet-injection',
    code: '77003',
    withCodes: ['64490-64495'],
    reason: 'the facet joint injection codes 64490-64495 include image guidance (fluoroscopy or CT) in their descriptors',
    instead: 'Report the facet injection codes only.',
  },
  {
    id: '76000-with-specific-guidance',
    code: '76000',
    withCodes: ['77001', '77002', '77003'],
    reason: 'the specific guidance code is the more precise descriptor of the same fluoroscopic service and takes precedence over 76000',
    instead: 'Report only the specific guidance code.',
  },
  {
    id: '77002-with-other-modality',
    code: '77002',
    withCodes: ['77012', '77021'],
    reason: 'only one guidance code is reported per needle placement, the one for the modality actually used (77002 fluoroscopy, 77012 CT, 77021 MR)',
    instead: 'Keep the code of the modality that guided the needle; if fluoroscopy did, report 77002 and remove the CT/MR code instead.',
  },
  {
    id: '77001-with-picc-including-guidance',
    code: '77001',
    withCodes: ['36572', '36573'],
    reason: 'the PICC codes 36572/36573 include all imaging guidance and radiological supervision and interpretation',
    instead: 'Report the PICC code alone.',
  },
  {
    id: '77001-with-picc-without-guidance',
    code: '77001',
    withCodes: ['36568', '36569'],
    reason: '36568/36569 describe a PICC inserted without imaging guidance; a PICC placed under imaging guidance is reported with 36572 (younger than 5) or 36573 (5 or older), which include the guidance',
    instead: 'Replace the PICC code with 36572/36573 and remove 77001, or, if no imaging guidance was used, remove 77001.',
    manual: { action: 'remove-line' },
  },
  {
    id: '77002-for-spinal-injection-77003-primary',
    code: '77002',
    withCodes: ['61050', '61055', '62267', '62273', '62280-62282', '62284', '64449', '64510', '64517', '64520', '64610', '96450'],
    unlessCodes: ['77003'],
    reason: '77002 is for non-spinal needle placement; fluoroscopic guidance of a spine or paraspinous injection is reported with 77003',
    instead: 'Report 77003 instead of 77002 for the spinal or paraspinous injection.',
    manual: { action: 'replace-code', replacementCode: '77003' },
  },
  {
    id: '77002-for-spinal-injection-guidance-included',
    code: '77002',
    withCodes: ['62270', '62272', '62320-62329', '64479-64484', '64490-64495'],
    reason: '77002 is for non-spinal needle placement, and the imaging guidance of this spinal injection is either included in its code or not separately reportable',
    instead: 'Report the spinal procedure code alone (its "with imaging guidance" variant when fluoroscopy was used).',
  },
  {
    id: '77003-once-per-session',
    code: '77003',
    maxPerSession: 1,
    reason: '77003 is reported once per session whatever the number of spinal levels injected',
    instead: 'Report 1 unit of 77003 on a single line.',
  },
];
