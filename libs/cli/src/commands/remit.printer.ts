import {
  ADJUSTMENT_GROUP_MEANINGS,
  CLAIM_STATUS_MEANINGS,
  describeCarc,
  describeRarc,
  lineOutcome,
  type Remit835Result,
  type RemitAdjustment,
  type RemitClaim,
  type RemitHeader,
} from '@claimflow/domain';
import type { CliIo } from '../cli-command';

const money = (n: number) => `${n < 0 ? '-' : ''}$${Math.abs(n).toFixed(2)}`;

/** A remittance as text: each payer's payment, then each claim payment line by line with CARC/RARC meanings. */
export function printRemittance(io: CliIo, results: readonly Remit835Result[]): void {
  let header: RemitHeader | undefined;
  for (const r of results) {
    if (r.header && r.header !== header) {
      header = r.header;
      printHeader(io, r, header);
    }
    if (r.result.ok) printClaim(io, r.result.value);
    else {
      const what = r.scope === 'claim' ? `claim payment ${r.position.claimIndex ?? ''} (segment ${r.position.segment})` : 'envelope';
      io.out(`\nProblems in ${what}:`);
      for (const e of r.result.error) io.out(`  ${e.code} ${e.path || '-'}${e.source ? ` (${e.source})` : ''}: ${e.message}`);
    }
  }
}

function printHeader(io: CliIo, r: Remit835Result, h: RemitHeader): void {
  const payer = [h.payer.name, h.payer.id && `(${h.payer.id})`].filter(Boolean).join(' ') || 'unnamed payer';
  const payee = [h.payee.name, h.payee.id && `(${h.payee.idQualifier ?? ''} ${h.payee.id})`].filter(Boolean).join(' ') || 'unnamed payee';
  io.out(`\nRemittance ${r.position.transactionSet ?? ''} of interchange ${r.position.interchange}: ${payer} to ${payee}`);
  const direction = h.creditDebit === 'D' ? 'debit' : 'credit';
  const parts = [`${h.paymentMethod || 'payment'} ${direction} ${money(h.totalPaid)}`];
  if (h.paymentDate) parts.push(`on ${h.paymentDate}`);
  if (h.traceNumber) parts.push(`trace ${h.traceNumber}`);
  io.out(`  ${parts.join(', ')}`);
}

function printClaim(io: CliIo, c: RemitClaim): void {
  const status = CLAIM_STATUS_MEANINGS[c.status] ?? `status ${c.status}`;
  const owes = c.patientResponsibility ? `, patient owes ${money(c.patientResponsibility)}` : '';
  io.out(`\nClaim ${c.patientControlNumber} (payer claim ${c.payerClaimControlNumber}): ${status}`);
  io.out(`  charged ${money(c.charge)}, paid ${money(c.paid)}${owes}`);
  printReasons(io, '  ', c.adjustments, c.remarks);
  c.lines.forEach((line, i) => {
    const code = [line.code, ...line.modifiers].join('-');
    const units = `${line.units} unit${Math.abs(line.units) === 1 ? '' : 's'}`;
    const submitted = line.submittedCode ? ` (billed as ${[line.submittedCode, ...(line.submittedModifiers ?? [])].join('-')})` : '';
    const outcome = lineOutcome(line, c).toUpperCase();
    io.out(
      `  line ${String(i + 1).padEnd(3)} ${code.padEnd(12)} ${line.dateOfService ?? '          '}  ${units.padEnd(8)} ` +
        `charged ${money(line.charge).padStart(10)}  paid ${money(line.paid).padStart(10)}  ${outcome}${submitted}`,
    );
    printReasons(io, '           ', line.adjustments, line.remarks);
  });
}

function printReasons(io: CliIo, indent: string, adjustments: readonly RemitAdjustment[], remarks: readonly string[]): void {
  for (const a of adjustments) {
    io.out(
      `${indent}${money(a.amount).padStart(10)}  ${describeCarc(a.group, a.reason)} [${ADJUSTMENT_GROUP_MEANINGS[a.group].split(':')[0]}]`,
    );
  }
  for (const code of remarks) io.out(`${indent}${'remark'.padStart(10)}  ${describeRarc(code)}`);
}
