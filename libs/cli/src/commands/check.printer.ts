import type { CheckedClaim, Claim, NotChecked, ValidationResult } from '@claimflow/domain';
import type { CliIo } from '../cli-command';
import type { CheckReport } from './check.report';

const money = (n: number | undefined) => (n === undefined ? '-' : `$${n.toFixed(2)}`);
const mark = { deny: 'DENY', warn: 'warn', info: 'info' } as const;
const OUTCOME = { clean: 'clean', denied: 'DENIED', incomplete: 'INCOMPLETE, not clean', error: 'ERROR' } as const;
const REASON = { 'no-release': 'no release loaded', 'stand-in': 'applied from another release', partial: 'partial excerpt' } as const;

export function printReport(io: CliIo, report: CheckReport): void {
  for (const e of report.errors) io.out(`error ${e.code}: ${'path' in e && e.path ? `${e.path}: ` : ''}${e.message}`);
  // In the file's order, checked and unreadable claims alike.
  const items = [...report.claims, ...report.rejected].sort((a, b) => a.index - b.index);
  for (const item of items) {
    if ('validation' in item) {
      printClaim(io, item);
      continue;
    }
    io.out(`claim ${item.submitterClaimId ?? `#${item.index + 1}`}: NOT CHECKED, the claim could not be read:`);
    for (const e of item.errors) io.out(`  ${e.path || '(claim)'}${e.source ? ` [${e.source}]` : ''}: ${e.code} ${e.message}`);
  }
  const count = (o: string) => report.claims.filter((c) => c.outcome === o).length;
  io.out(
    `result: ${OUTCOME[report.outcome]} (exit ${report.exitCode}): ${count('denied')} denied, ${count('incomplete')} incomplete, ` +
      `${count('clean')} clean, ${report.rejected.length} not readable`,
  );
}

// Reference-data caveats concern the whole claim; printed once, not under every line.
const isClaimWide = (e: { code: string; lines: readonly number[] }) => e.code === 'REFDATA_UNAVAILABLE' || e.lines.length === 0;

function printClaim(io: CliIo, r: CheckedClaim): void {
  const v = r.validation;
  io.out(`claim ${r.claim.submitterClaimId} (POS ${r.claim.placeOfService}): ${OUTCOME[v.outcome]}`);
  printNotChecked(io, v);
  const priced = r.pricing.ok ? new Map(r.pricing.value.lines.map((l) => [l.lineNumber, l])) : new Map();
  for (const line of v.lines) {
    const p = priced.get(line.lineNumber);
    const code = [line.code, ...line.modifiers].join('-') + (line.units > 1 ? ` x${line.units}` : '');
    const state = line.outcome === 'clean' ? 'clean' : line.outcome === 'denied' ? 'DENIED' : 'incomplete';
    const noPrice = p && p.status !== 'priced' && p.reason ? `  (${p.status}: ${p.reason})` : '';
    const allowed = p?.status === 'no-price' ? 'no price' : money(p?.allowed);
    io.out(`  line ${line.lineNumber}  ${code.padEnd(14)} ${state.padEnd(10)} allowed ${allowed}${noPrice}`);
    for (const e of line.edits.filter((x) => !isClaimWide(x)))
      io.out(`      ${mark[e.severity]} ${e.code}: ${e.message}\n           fix (${e.fix.action}): ${e.fix.detail}`);
  }
  // REFDATA_UNAVAILABLE is said first, as "not checked" (the JSON keeps each edit).
  for (const e of v.edits.filter((x) => isClaimWide(x) && x.code !== 'REFDATA_UNAVAILABLE'))
    io.out(`  ${mark[e.severity]} ${e.code}: ${e.message}`);
  if (r.pricing.ok) {
    const unpriced = r.pricing.value.lines.filter((l) => l.status === 'no-price').length;
    const left = unpriced ? ` (${unpriced} line${unpriced > 1 ? 's' : ''} without a price left out, not counted as $0.00)` : '';
    io.out(
      `  total allowed ${money(r.pricing.value.totals.allowed)}, Medicare pays ${money(r.pricing.value.totals.medicarePayment)}, coinsurance ${money(r.pricing.value.totals.coinsurance)}${left}`,
    );
  } else io.out(`  not priced: ${r.pricing.error.code} ${r.pricing.error.message}`);
  for (const note of r.pricing.ok ? r.pricing.value.notes : []) io.out(`  note: ${note}`);
  io.out(`  corrected claim: ${corrected(r.claim, v.correctedClaim)}`);
  io.out(`  releases: ${[...new Set([...v.releases, ...(r.pricing.ok ? r.pricing.value.releases : [])])].join(', ')}`);
}

function printNotChecked(io: CliIo, v: ValidationResult): void {
  if (!v.notChecked.length) return;
  io.out('  not checked against the reference data in force on its dates:');
  for (const n of v.notChecked)
    io.out(`    ${n.family}: lines ${n.lines.join(', ')}, ${span(n)} (${REASON[n.reason]}${n.release ? ` ${n.release}` : ''})`);
  if (v.refreshCommand) io.out(`  to check them: ${v.refreshCommand}`);
}

const span = (n: NotChecked) => (n.from === n.to ? n.from : `${n.from} to ${n.to}`);

/** The proposed corrected claim, line by line (automatic fixes only), or why it is the claim as sent. */
function corrected(claim: Claim, fixed: Claim): string {
  if (fixed === claim) return 'no automatic fix applies (the claim as sent)';
  const kept = new Set(fixed.lines.map((l) => l.lineNumber));
  const lines = fixed.lines.map((l) => `line ${l.lineNumber} ${[l.code, ...l.modifiers].join('-')}${l.units > 1 ? ` x${l.units}` : ''}`);
  const removed = claim.lines.filter((l) => !kept.has(l.lineNumber)).map((l) => `line ${l.lineNumber} removed`);
  return [...lines, ...removed].join('; ');
}
