/** The feedback benchmark's reports: generated, with a fixed seed, over a hot code and 60 others. */
import { US_STATES, type DenialReportInput } from '@claimflow/domain';

// Deterministic generator (mulberry32), so runs compare.
let seed = 20261124;
export const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
export const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(Math.pow(rand(), 2.2) * xs.length)];

/** The hot code: 40% of the reports. */
export const HOT = '77003';
export const OTHER_CODES = Array.from({ length: 60 }, (_, i) => String(62320 + i * 7).padStart(5, '0')).concat([]);
const CARC = [
  'CO-97',
  'CO-236',
  'CO-151',
  'CO-50',
  'CO-16',
  'CO-4',
  'CO-11',
  'CO-197',
  'PR-204',
  'OA-18',
  'CO-B15',
  'CO-167',
  'PI-96',
  'CO-59',
];
const RARC = ['N130', 'M80', 'N657', 'MA130', 'N362', 'M51', 'N20', 'N115'];
const PAYERS = [
  { type: 'medicare-part-b', macJurisdiction: 'JL' },
  { type: 'medicare-advantage' },
  { type: 'medicaid' },
  { type: 'commercial' },
] as const;
const MACS = ['J5', 'J6', 'J8', 'J15', 'JE', 'JF', 'JH', 'JJ', 'JK', 'JL', 'JM', 'JN'] as const;
const EDITS = ['PTP_BUNDLED', 'MUE_EXCEEDED', 'GUIDANCE_INCLUDED', 'ADDON_WITHOUT_PRIMARY', 'PCTC_MODIFIER', 'DOCUMENTATION'] as const;
const COBILLED = ['62323', '62321', '64483', '64490', '20610', '76000', '77002', '99213', '27096', '64493', '20552', 'G0260'];
const MONTHS = Array.from({ length: 34 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const STRATEGIES = Array.from(
  { length: 60 },
  (_, i) => `Strategy ${i + 1}: resubmitted with the procedure note and modifier guidance from the NCCI manual`,
);

/** One denial report of `code`, plausible in every field (payers, reasons and months skewed as in life). */
export function generate(code: string): DenialReportInput {
  const payer = skewed(PAYERS);
  const others = Array.from({ length: Math.floor(rand() * 3) }, () => skewed(COBILLED)).filter((c) => c !== code);
  const filed = rand() < 0.42;
  return {
    billedCodes: [
      { code, modifiers: rand() < 0.3 ? ['26'] : [], units: 1 },
      ...[...new Set(others)].map((c) => ({ code: c, modifiers: [], units: 1 })),
    ],
    deniedCode: code,
    placeOfService: pick(['11', '22', '24', '19']),
    payer: payer.type === 'medicare-part-b' ? { type: payer.type, macJurisdiction: pick(MACS) } : payer,
    state: skewed(US_STATES),
    denialMonth: pick(MONTHS),
    denialReasons: {
      carc: [...new Set([skewed(CARC), ...(rand() < 0.3 ? [skewed(CARC)] : [])])],
      rarc: rand() < 0.6 ? [skewed(RARC)] : [],
    },
    whatHappened: rand() < 0.5 ? 'Denied as bundled with the primary procedure.' : undefined,
    appeal: filed
      ? { filed: true, level: 1 + Math.floor(rand() * 3), outcome: pick(['overturned', 'upheld', 'pending'] as const) }
      : { filed: false },
    whatWorked: rand() < 0.3 ? skewed(STRATEGIES) : undefined,
    claimflowEdits: rand() < 0.6 ? [...new Set([skewed(EDITS), ...(rand() < 0.2 ? [skewed(EDITS)] : [])])] : [],
  };
}
