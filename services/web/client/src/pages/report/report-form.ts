import { parseDenialReport, type DenialReportInput, type ReportFieldError } from '@claimflow/domain';

export interface BilledRow {
  code: string;
  modifiers: string;
  units: string;
}

export interface ReportForm {
  billed: BilledRow[];
  deniedCode: string;
  placeOfService: string;
  payerType: 'medicare-part-b' | 'medicare-advantage' | 'medicaid' | 'commercial';
  mac: string;
  state: string;
  denialMonth: string;
  carc: string;
  rarc: string;
  whatHappened: string;
  appealFiled: boolean;
  appealLevel: string;
  appealOutcome: 'overturned' | 'upheld' | 'pending';
  whatWorked: string;
  edits: string[];
}

const lastMonth = () => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
};

export function initialForm(code: string): ReportForm {
  return {
    billed: [{ code, modifiers: '', units: '1' }],
    deniedCode: code,
    placeOfService: '11',
    payerType: 'medicare-part-b',
    mac: '',
    state: '',
    denialMonth: lastMonth(),
    carc: '',
    rarc: '',
    whatHappened: '',
    appealFiled: false,
    appealLevel: '1',
    appealOutcome: 'pending',
    whatWorked: '',
    edits: [],
  };
}

const list = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);
const text = (s: string) => (s.trim() ? s : undefined);

/** The form as the report the feedback service takes; empty optional fields are left out. */
export function toReport(f: ReportForm): DenialReportInput {
  return {
    billedCodes: f.billed.map((b) => ({ code: b.code.trim().toUpperCase(), modifiers: list(b.modifiers), units: Number(b.units) })),
    deniedCode: f.deniedCode.trim().toUpperCase(),
    placeOfService: f.placeOfService.trim(),
    payer: (f.payerType === 'medicare-part-b'
      ? { type: f.payerType, macJurisdiction: f.mac }
      : { type: f.payerType }) as DenialReportInput['payer'],
    state: f.state as DenialReportInput['state'],
    denialMonth: f.denialMonth,
    denialReasons: { carc: list(f.carc), rarc: list(f.rarc) },
    whatHappened: text(f.whatHappened),
    appeal: f.appealFiled ? { filed: true, level: Number(f.appealLevel), outcome: f.appealOutcome } : { filed: false },
    whatWorked: text(f.whatWorked),
    claimflowEdits: f.edits as DenialReportInput['claimflowEdits'],
  };
}

/** The server's own checks (shape, consistency, personal data), run here first; the server still decides. */
export function checkReport(f: ReportForm, now = new Date()): ReportFieldError[] {
  const report = JSON.parse(JSON.stringify(toReport(f))) as unknown;
  const parsed = parseDenialReport(report, now);
  return parsed.ok ? [] : parsed.error;
}

/** Which input an error belongs to, by its dotted path. */
export function fieldOf(path: string): string {
  const billed = /^billedCodes\.(\d+)\.(code|modifiers|units)/.exec(path);
  if (billed) return `billed-${billed[1]}-${billed[2]}`;
  if (path.startsWith('billedCodes')) return 'billed-0-code';
  if (path.startsWith('payer')) return path === 'payer.macJurisdiction' ? 'mac' : 'payerType';
  if (path.startsWith('denialReasons.carc')) return 'carc';
  if (path.startsWith('denialReasons.rarc')) return 'rarc';
  if (path.startsWith('appeal')) return 'appealFiled';
  if (path.startsWith('claimflowEdits')) return 'edits';
  return path || 'form';
}
