import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ERRORS_PER_CLAIM, MAX_ERRORS_PER_SUBMISSION } from '@claimflow/domain';
import { IngestMetrics } from '../ingest.metrics';
import type { IngestConfig } from '../config/ingest.config';
import type { ClaimLedgerRepository, RejectedEntry } from '../ledger/claim-ledger.repository';
import type { OutboxRelay } from '../outbox/outbox-relay';
import type { SubmissionLedgerRepository } from '../ledger/submission-ledger.repository';
import { SubmitClaimHandler } from './submit-claim.handler';

/** A ledger that records calls; rejections keep the first id per key, as the real one does. */
function fakeLedger() {
  const calls: RejectedEntry[][] = [];
  const ledger = {
    findSubmissions: async () => [],
    withUnsentMessages: async () => new Set<string>(),
    findSupersedable: async () => [],
    record: async () => undefined,
    recordRejected: async (entries: readonly RejectedEntry[]) => {
      calls.push([...entries]);
      return new Map<string, string>();
    },
  };
  return { ledger: ledger as unknown as ClaimLedgerRepository, calls };
}

const relay = { wake: () => undefined } as unknown as OutboxRelay;
const config = { INGEST_MAX_CLAIMS: 10_000 } as IngestConfig;
const metrics = new IngestMetrics('ingest');
const submissions = { record: async () => undefined } as unknown as SubmissionLedgerRepository;
const badClaim = (i: number, lines = 1) => ({
  submitterClaimId: `BAD-${i}`,
  placeOfService: '99x',
  billingProvider: { npi: '1234567893' },
  lines: Array.from({ length: lines }, () => ({ code: 'x', units: 0 })),
});

describe('SubmitClaimHandler rejections', () => {
  it('records every rejection of a submission in one call', async () => {
    const { ledger, calls } = fakeLedger();
    const outcome = await new SubmitClaimHandler(ledger, relay, config, metrics, submissions).submit({
      format: 'json',
      payload: Array.from({ length: 2000 }, (_, i) => badClaim(i)),
    });
    expect(outcome.rejected).toHaveLength(2000);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(2000);
    // Decided by the lifecycle, persisted as decided: received, then rejected at intake.
    expect(calls[0][0].events.map((e) => e.type)).toEqual(['ClaimReceived', 'ClaimRejected']);
    const counted = (await metrics.claimsFinal.get()).values.find((v) => v.labels.status === 'rejected');
    expect(counted?.value).toBe(2000);
  });

  it('bounds errors per claim and per submission, and records the bounded lists', async () => {
    const { ledger, calls } = fakeLedger();
    const outcome = await new SubmitClaimHandler(ledger, relay, config, metrics, submissions).submit({
      format: 'json',
      payload: Array.from({ length: 30 }, (_, i) => badClaim(i, 50)),
    });
    const listed = outcome.rejected.map((r) => r.errors.length);
    expect(Math.max(...listed)).toBeLessThanOrEqual(MAX_ERRORS_PER_CLAIM);
    expect(listed.reduce((a, b) => a + b, 0)).toBe(MAX_ERRORS_PER_SUBMISSION);
    expect(outcome.rejected.every((r) => r.errors.length + (r.errorsOmitted ?? 0) > 100)).toBe(true);
    expect(calls[0].map((e) => e.errors.length)).toEqual(listed);
  });

  it('gives the same bad claim the same identity every time', async () => {
    const { ledger, calls } = fakeLedger();
    const handler = new SubmitClaimHandler(ledger, relay, config, metrics, submissions);
    await handler.submit({ format: 'json', payload: badClaim(1) });
    await handler.submit({ format: 'json', payload: badClaim(1) });
    const [a, b] = calls.map(([e]) => e.entry);
    expect([b.submitterClaimId, b.contentHash]).toEqual([a.submitterClaimId, a.contentHash]);
  });

  it('keys a rejection without a usable claim id by its position', async () => {
    const { ledger, calls } = fakeLedger();
    await new SubmitClaimHandler(ledger, relay, config, metrics, submissions).submit({
      format: 'json',
      payload: [{ ...badClaim(0), submitterClaimId: 'X'.repeat(100_000) }],
    });
    expect(calls[0][0].entry.submitterClaimId).toBe('#0');
  });
});

describe('SubmitClaimHandler re-drive', () => {
  it('sends a claim seen before with no result yet on again, though there is nothing new to decide', async () => {
    const recorded: { claims: number; messages: string[] }[] = [];
    const claim = { claimId: 'c-1', submitterClaimId: 'LESI-POS22' };
    const ledger = {
      ...fakeLedger().ledger,
      findSubmissions: async (keys: readonly { submitterId: string; submitterClaimId: string; contentHash: string }[]) =>
        keys.map((k) => ({ ...k, id: 'c-1', format: 'json', frequencyCode: '1', correlationId: 'corr', status: 'normalized', claim })),
      record: async (claims: readonly unknown[], _decisions: unknown, messages: readonly { key: string }[]) =>
        void recorded.push({ claims: claims.length, messages: messages.map((m) => m.key) }),
    } as unknown as ClaimLedgerRepository;
    const outcome = await new SubmitClaimHandler(ledger, relay, config, metrics, submissions).submit({
      format: 'json',
      payload: JSON.parse(
        readFileSync(join(__dirname, '../../../../libs/domain/src/intake/__fixtures__/json/lesi-pos22.claim.json'), 'utf8'),
      ),
    });
    expect(outcome.rejected).toEqual([]);
    expect(outcome.accepted.map((a) => [a.claimId, a.status])).toEqual([['c-1', 'duplicate']]);
    expect(recorded).toEqual([{ claims: 0, messages: ['c-1'] }]);
  });
});
