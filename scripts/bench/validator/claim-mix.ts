/** The validator benchmark's claims: drawn, with a fixed seed, from a pool of real codes or from realistic encounters. */
import type { Claim, ClaimLine } from '@claimflow/domain';

/** Random mix: any code beside any other on one date. Far dirtier than real claims (a stress case). */
const POOL = [
  '62321',
  '62323',
  '62320',
  '62322',
  '77003',
  '77002',
  '77001',
  '76000',
  '77012',
  '77021',
  '64490',
  '64491',
  '64493',
  '64494',
  '64483',
  '64484',
  '64520',
  '64510',
  '36556',
  '36569',
  '21550',
  '44500',
  '20610',
  '20611',
  '20552',
  '20553',
  '27093',
  '27095',
  '99213',
  '99214',
  '99215',
  '99203',
  '99204',
  '96372',
  'J1030',
  'J3301',
  '20600',
  '20605',
  '64450',
  '64415',
  '64445',
  '62270',
  '72148',
  '72100',
  '73030',
  '73560',
  '71046',
  '70450',
  '93000',
  '80053',
  '85025',
  '36415',
  '11721',
  '17110',
  '11102',
  '12001',
];
const MODIFIERS = [['26'], ['59'], ['XS'], ['RT'], ['LT'], ['25'], ['TC'], ['51']];
const NONE: string[] = [];

/**
 * Encounter mix: a claim bills one patient's encounters over a quarter, each encounter on its own date:
 * office visits, imaging, labs, the seed procedures with their guidance codes, and in 1 encounter of 10
 * one of the seeds' common mistakes.
 */
const ENCOUNTERS = [
  ['99213'],
  ['99214'],
  ['99203'],
  ['93000'],
  ['71046'],
  ['72100'],
  ['73030:RT'],
  ['73560:LT'],
  ['36415', '80053', '85025'],
  ['99213:25', '20610', 'J3301'],
  ['44500', '76000'],
  ['36556', '77001'],
  ['21550', '77002'],
  ['64490', '64491'],
  ['62323'],
  ['64483', '64484'],
  ['11721'],
  ['17110'],
  ['12001'],
  ['11102'],
  ['20610'],
  ['72148'],
  ['70450'],
];
const MISTAKES = [
  ['62323', '77003'],
  ['21550', '77002', '76000'],
  ['64520', '77003*2'],
  ['76001'],
  ['64490', '64491', '77003'],
  ['62321', '62320'],
];
const NPIS = ['1234567893', '1049726353', '1286340579', '1552081964'];

type Rnd = (n: number) => number;

function seeded(): Rnd {
  let seed = 42;
  // mulberry32: deterministic, so every run validates the same claims.
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function line(n: number, spec: string, dos: string): ClaimLine {
  const [codeUnits, modifier] = spec.split(':');
  const [code, units] = codeUnits.split('*');
  return {
    lineNumber: n,
    code,
    modifiers: modifier ? [modifier] : NONE,
    units: Number(units ?? 1),
    dateOfService: dos,
    diagnosisPointers: [1],
  };
}

function randomLines(rnd: Rnd, size: number, dos: string): ClaimLine[] {
  const lines: ClaimLine[] = [];
  for (let l = 0; l < size; l++) {
    const code = POOL[rnd(POOL.length)];
    const modifiers = rnd(100) < 15 ? MODIFIERS[rnd(MODIFIERS.length)] : NONE;
    lines.push({ lineNumber: l + 1, code, modifiers, units: rnd(10) === 0 ? 2 : 1, dateOfService: dos, diagnosisPointers: [1] });
  }
  return lines;
}

function encounterLines(rnd: Rnd, size: number, firstDos: string): ClaimLine[] {
  const lines: ClaimLine[] = [];
  let day = Number(firstDos.slice(8, 10));
  while (lines.length < size) {
    const pick = rnd(10) === 0 ? MISTAKES[rnd(MISTAKES.length)] : ENCOUNTERS[rnd(ENCOUNTERS.length)];
    const dos = `${firstDos.slice(0, 8)}${String(Math.min(day++, 28)).padStart(2, '0')}`;
    for (const spec of pick) if (lines.length < size) lines.push(line(lines.length + 1, spec, dos));
  }
  return lines;
}

/** `count` claims of 1-20 lines, the same on every run: encounters (the default) or the random mix. */
export function makeClaims(count: number, dos: string, mix: string): Claim[] {
  const rnd = seeded();
  const claims: Claim[] = [];
  for (let i = 0; i < count; i++) {
    const size = 1 + rnd(20);
    const lines = mix === 'random' ? randomLines(rnd, size, dos) : encounterLines(rnd, size, `${dos.slice(0, 8)}01`);
    claims.push({
      claimId: `BENCH-${i}`,
      submitterClaimId: `B-${i}`,
      claimType: 'professional',
      frequencyCode: '1',
      placeOfService: '11',
      payer: { type: 'medicare-part-b' },
      billingProvider: { npi: NPIS[rnd(NPIS.length)] },
      diagnoses: ['M5451'],
      lines,
    });
  }
  return claims;
}
