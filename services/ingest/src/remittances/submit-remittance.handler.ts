import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import {
  DenialReportSchema,
  denialReportsFromRemit,
  lineReasonCodes,
  lineRemarkCodes,
  macJurisdictionOfCarrier,
  matchRemitClaim,
  parse835,
  stateOfZip,
  type Claim,
  type FieldError,
  type Remit835Result,
  type RemitClaim,
  type RemitHeader,
  type X12Position,
} from '@claimflow/domain';
import { REPORTER_HEADER, TOPICS, rootEnvelope, type DenialReportSubmittedV1 } from '@claimflow/contracts';
import { EventPublisher } from '@claimflow/kafka';
import { editsByLine, pricedCarrier } from '../shared/ledger-facts';
import { RemittanceRepository, type RemitOutcomeRow } from './remittance.repository';

export interface SubmitRemittanceCommand {
  readonly payload: AsyncIterable<Uint8Array | string> | string;
  readonly submitterId: string;
  /** The API key that sent the remittance: the reporter of the reports it contributes. */
  readonly reporterKeyId: string;
  readonly contribute: boolean;
  readonly correlationId?: string;
}

export interface RemittanceClaimAnswer {
  readonly patientControlNumber: string;
  readonly payerClaimControlNumber: string;
  readonly status: string;
  readonly claimId?: string;
  /** Why the claim payment matched no ledger claim (NO_CLAIM, DATES_DIFFER, AMBIGUOUS_CLAIM). */
  readonly unmatched?: string;
  readonly lines: readonly {
    readonly remitLine: number;
    readonly code: string;
    readonly lineNumber?: number;
    readonly outcome?: string;
    readonly unmatched?: string;
  }[];
}

export interface RemittanceOutcome {
  readonly claims: RemittanceClaimAnswer[];
  readonly problems: { readonly scope: string; readonly position: X12Position; readonly errors: readonly FieldError[] }[];
  contributed: number;
  readonly notContributed: { readonly claimId: string; readonly lineNumber: number; readonly reason: string }[];
}

const BATCH = 200;

/**
 * Reads an 835 as it arrives and, batch by batch, matches each claim payment to the submitter's
 * own ledger claims, records each matched line's outcome, and (when asked) sends an anonymous
 * denial report per denied line to the feedback service.
 */
@Injectable()
export class SubmitRemittanceHandler {
  constructor(
    private readonly remittances: RemittanceRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async submit(command: SubmitRemittanceCommand): Promise<RemittanceOutcome> {
    const outcome: RemittanceOutcome = { claims: [], problems: [], contributed: 0, notContributed: [] };
    const chunks = typeof command.payload === 'string' ? [command.payload] : command.payload;
    let batch: { remit: RemitClaim; header?: RemitHeader }[] = [];
    for await (const r of parse835(chunks)) {
      if (!r.result.ok) outcome.problems.push(problemOf(r));
      else batch.push({ remit: r.result.value, header: r.header });
      if (batch.length >= BATCH) [batch] = [[], await this.process(batch, command, outcome)];
    }
    await this.process(batch, command, outcome);
    return outcome;
  }

  private async process(
    batch: { remit: RemitClaim; header?: RemitHeader }[],
    command: SubmitRemittanceCommand,
    outcome: RemittanceOutcome,
  ) {
    if (batch.length === 0) return;
    const ledger = await this.remittances.currentClaims(
      command.submitterId,
      batch.map((b) => b.remit.patientControlNumber),
    );
    const refs = ledger.map((row) => ({ row, claim: row.claim as Claim })).filter(({ claim }) => Array.isArray(claim?.lines));
    const rows: RemitOutcomeRow[] = [];
    const reports: DenialReportSubmittedV1[] = [];
    for (const { remit, header } of batch) {
      const candidates = refs.filter((r) => r.row.submitterClaimId === remit.patientControlNumber);
      const match = matchRemitClaim(
        remit,
        candidates.map(({ row, claim }) => ({ claimId: row.id, submitterClaimId: row.submitterClaimId, lines: claim.lines })),
      );
      const base = {
        patientControlNumber: remit.patientControlNumber,
        payerClaimControlNumber: remit.payerClaimControlNumber,
        status: remit.status,
      };
      if (!match.matched) {
        outcome.claims.push({ ...base, unmatched: match.reason, lines: remit.lines.map((l, i) => ({ remitLine: i, code: l.code })) });
        continue;
      }
      const lines = [
        ...match.lines.map((m) => ({
          remitLine: m.remitLine,
          code: remit.lines[m.remitLine].code,
          lineNumber: m.lineNumber,
          outcome: m.outcome,
        })),
        ...match.unmatchedLines.map((u) => ({ remitLine: u.remitLine, code: remit.lines[u.remitLine].code, unmatched: u.reason })),
      ].sort((a, b) => a.remitLine - b.remitLine);
      outcome.claims.push({ ...base, claimId: match.claimId, lines });
      const paidOn = header?.paymentDate ?? header?.productionDate;
      for (const m of match.lines) {
        const line = remit.lines[m.remitLine];
        rows.push({
          claimId: match.claimId,
          lineNumber: m.lineNumber,
          submitterId: command.submitterId,
          outcome: m.outcome,
          carcCodes: lineReasonCodes(line, remit),
          rarcCodes: lineRemarkCodes(line, remit),
          chargeCents: Math.round(line.charge * 100),
          paidCents: Math.round(line.paid * 100),
          claimStatus: remit.status,
          payerClaimControlNumber: remit.payerClaimControlNumber,
          paidOn,
        });
      }
      if (!command.contribute) continue;
      const found = candidates.find((c) => c.row.id === match.claimId);
      if (!found) continue;
      const edits = editsByLine(found.row.result);
      const made = denialReportsFromRemit(found.claim, remit, match.lines, {
        state: stateOfZip(found.claim.billingProvider.zip),
        macJurisdiction: macJurisdictionOfCarrier(found.claim.locality?.carrier ?? pricedCarrier(found.row.result) ?? ''),
        decidedOn: paidOn,
        editsByLine: new Map([...edits].map(([n, e]) => [n, e.filter((x) => x.severity !== 'info').map((x) => x.code)])),
      });
      for (const { lineNumber, report: input } of made.reports) {
        // The feedback service checks again on receipt; this keeps a report it would refuse from being sent.
        const report = DenialReportSchema.safeParse(input);
        if (!report.success) {
          outcome.notContributed.push({ claimId: match.claimId, lineNumber, reason: 'REPORT_INVALID' });
          continue;
        }
        // The same payer answer posted again gives the same key, so a retried 835 is not counted twice.
        const answer = [command.submitterId, match.claimId, lineNumber, remit.payerClaimControlNumber, remit.status].join('|');
        const idempotencyKey = `remit-${createHash('sha256').update(answer).digest('hex')}`;
        reports.push({ type: 'DenialReportSubmitted.v1', idempotencyKey, report: report.data });
      }
      outcome.notContributed.push(...made.skipped.map((s) => ({ claimId: match.claimId, ...s })));
    }
    await this.remittances.record(rows);
    if (reports.length === 0) return;
    await this.publisher.publish(
      ...reports.map((value) => {
        const envelope = rootEnvelope('DenialReportSubmitted.v1', command.correlationId);
        // The reporter is the sending key, as for a report typed in: feedback counts it once towards its threshold.
        const extraHeaders = { [REPORTER_HEADER]: command.reporterKeyId };
        return { topic: TOPICS.denialReportsSubmitted, key: envelope.id, envelope, value, extraHeaders };
      }),
    );
    outcome.contributed += reports.length;
  }
}

function problemOf(r: Remit835Result) {
  return { scope: r.scope, position: r.position, errors: r.result.ok ? [] : r.result.error };
}
