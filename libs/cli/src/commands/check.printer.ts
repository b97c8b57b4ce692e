import type { CheckedClaim } from '@claimflow/domain';
import type { CliIo } from '../cli-command';

type Printable =
  | CheckedClaim
  | { error: { path: string; code: string; message: string } }
  | { index: number; submitterClaimId?: string; errors: { path: string; code: string; message: string }[] };

const money = (n: number | undefined) => (n === undefined ? '-' : `$${n.toFixed(2)}`);
const mark = { deny: 'DENY', warn: 'warn', info: 'info' } as const;

export function printChecked(io: CliIo, results: readonly Printable[]): void {
  for (const r of results) {
    if ('error' in r) {
      io.out(`submission: ${r.error.code} ${r.error.path} ${r.error.message}`);
      continue;
    }
    if ('errors' in r) {
      io.out(`claim ${r.submitterClaimId ?? `#${r.index}`}: cannot be normalized`);
      for (const e of r.errors) io.out(`  ${e.path || '(claim)'}: ${e.code} ${e.message}`);
      continue;
    }
    printClaim(io, r);
  }
}

// Reference-data caveats concern the whole claim; printed once, not under every line.
const isClaimWide = (e: { code: string; lines: readonly number[] }) => e.code === 'REFDATA_UNAVAILABLE' || e.lines.length === 0;

function printClaim(io: CliIo, r: CheckedClaim): void {
  const priced = r.pricing.ok ? new Map(r.pricing.value.lines.map((l) => [l.lineNumber, l])) : new Map();
  io.out(`claim ${r.claim.submitterClaimId} (POS ${r.claim.placeOfService})`);
  for (const line of r.validation.lines) {
    const p = priced.get(line.lineNumber);
    const code = [line.code, ...line.modifiers].join('-') + (line.units > 1 ? ` x${line.units}` : '');
    io.out(`  line ${line.lineNumber}  ${code.padEnd(14)} ${line.denied ? 'DENIED ' : '       '} allowed ${money(p?.allowed)}`);
    for (const e of line.edits.filter((x) => !isClaimWide(x)))
      io.out(`      ${mark[e.severity]} ${e.code}: ${e.message}\n           fix (${e.fix.action}): ${e.fix.detail}`);
  }
  const claimEdits = r.validation.edits.filter(isClaimWide);
  for (const e of claimEdits) io.out(`  ${mark[e.severity]} ${e.code}: ${e.message}`);
  if (r.pricing.ok)
    io.out(
      `  total allowed ${money(r.pricing.value.totals.allowed)}, Medicare pays ${money(r.pricing.value.totals.medicarePayment)}, coinsurance ${money(r.pricing.value.totals.coinsurance)}`,
    );
  else io.out(`  not priced: ${r.pricing.error.code} ${r.pricing.error.message}`);
  io.out(`  releases: ${[...new Set([...r.validation.releases, ...(r.pricing.ok ? r.pricing.value.releases : [])])].join(', ')}`);
}
