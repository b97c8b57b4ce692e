import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Client } from 'pg';
import { TOPICS } from '@claimflow/contracts';
import { groupLag, kafkaClientSecurity, TopicRecorder, waitFor, type RecordedMessage } from '@claimflow/testing';
import { INGEST_GROUP } from '@claimflow/service-ingest';
import { scenario } from './support/fixtures';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

/** Ingest's hold on validations here (its default is 5 s): long enough to see, short enough for the suite. */
const HOLD_MS = 2_000;

interface LedgerRow {
  status: string;
  validated_at: number | null;
  priced_at: number | null;
  xmin: string;
}

/**
 * Ingest reads a validation only once it is INGEST_VALIDATION_HOLD_MS old (README, "Results come in any order"): with
 * pricing up, the priced result (which carries the validation) is recorded first and the validation then writes
 * nothing; with pricing down, the claim shows as validated after the hold. Real broker and Postgres, real services.
 */
describe('validations held back by ingest (real Kafka and Postgres)', () => {
  let h: PipelineHarness;
  let validations: TopicRecorder;
  let sql: Client;
  let admin: Admin;
  let validatedTopic: string;

  beforeAll(async () => {
    h = await startPipelineHarness('hold', { withoutPricing: true, extra: { INGEST_VALIDATION_HOLD_MS: String(HOLD_MS) } });
    validatedTopic = h.topic(TOPICS.claimsValidated);
    validations = await TopicRecorder.start(h.infra.kafkaBrokers, [validatedTopic], `hold-validations${h.suffix}`);
    sql = new Client({ connectionString: h.db.url });
    await sql.connect();
    const brokers = h.infra.kafkaBrokers;
    admin = new Kafka({ clientId: 'hold-admin', brokers, logLevel: logLevel.NOTHING, ...kafkaClientSecurity('admin', brokers) }).admin();
    await admin.connect();
  }, 120_000);

  afterAll(async () => {
    await admin?.disconnect();
    await sql?.end();
    await validations?.stop();
    await h?.close();
  });

  const submit = async (claimNumber: string): Promise<{ claimId: string; self: string }> => {
    const res = await fetch(`${h.pipeline.ingestUrl}/v1/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await h.keyOf('hold')).headers },
      body: scenario('lesi-62323-77003-pos11').replace('LESI-2025-0310', claimNumber),
    });
    expect(res.status).toBe(202);
    const { claims } = (await res.json()) as { claims: { claimId: string; links: { self: string } }[] };
    return { claimId: claims[0].claimId, self: claims[0].links.self };
  };
  const row = async (claimId: string): Promise<LedgerRow> =>
    (
      await sql.query<LedgerRow>(
        `SELECT status, (extract(epoch FROM validated_at) * 1000)::float8 AS validated_at,
           (extract(epoch FROM priced_at) * 1000)::float8 AS priced_at, xmin::text AS xmin
         FROM claim_ledger WHERE id = $1`,
        [claimId],
      )
    ).rows[0];
  const statusOf = (claimId: string, status: string) =>
    waitFor(async () => ((await row(claimId)).status === status ? row(claimId) : false), {
      description: `claim ${status} in the ledger`,
      timeoutMs: 60_000,
    });
  const validationOf = (claimId: string): Promise<RecordedMessage> =>
    waitFor(() => validations.on(validatedTopic).find((m) => m.key === claimId) ?? false, {
      description: 'its validation on claims.validated.v2',
      timeoutMs: 60_000,
    });
  /** Ingest's group has read every validation on the topic (its committed offsets at the end of each partition). */
  const validationsRead = () =>
    waitFor(async () => (await groupLag(admin, INGEST_GROUP + h.suffix, validatedTopic)) === 0, {
      description: "ingest's group at the end of claims.validated.v2",
      timeoutMs: 60_000,
    });

  it('shows a claim whose pricing is down as validated once the hold is over, then priced when pricing is back', async () => {
    const { claimId, self } = await submit('HOLD-DOWN-1');
    const message = await validationOf(claimId);
    const early = await row(claimId);
    if (Date.now() < message.producedAt + HOLD_MS) expect(early.status).toBe('normalized');

    const validated = await statusOf(claimId, 'validated');
    expect(validated.validated_at).toBeGreaterThanOrEqual(message.producedAt + HOLD_MS);
    const view = (await fetch(`${h.pipeline.ingestUrl}${self}`, { headers: (await h.keyOf('hold')).headers }).then((r) => r.json())) as {
      status: string;
      result: { validation: { lines: { code: string; denied: boolean }[] } };
    };
    expect(view.status).toBe('validated');
    expect(view.result.validation.lines.find((l) => l.code === '77003')?.denied).toBe(true);

    await h.pipeline.startPricing();
    const priced = await statusOf(claimId, 'priced');
    expect(priced.validated_at).toBe(validated.validated_at);
    expect(priced.priced_at).toBeGreaterThan(validated.validated_at!);
  }, 120_000);

  it('writes a claim priced within the hold once after intake: its validation, read later, changes nothing', async () => {
    const { claimId } = await submit('HOLD-UP-1');
    const message = await validationOf(claimId);
    const priced = await statusOf(claimId, 'priced');
    // One statement set both: the validation came with the pricing, none was recorded before it.
    expect(priced.validated_at).toBe(priced.priced_at);
    await validationsRead();
    expect(Date.now()).toBeGreaterThanOrEqual(message.producedAt + HOLD_MS);
    expect(await row(claimId)).toEqual(priced);
    const inbox = await sql.query('SELECT 1 FROM claim_inbox WHERE message_id = $1', [message.headers['cf-message-id']]);
    expect(inbox.rowCount).toBe(0);
    // Not even read: ingest had recorded the claim priced (the first test's validation was read, its claim not priced).
    const metrics = await fetch(`${h.pipeline.ingestUrl}/metrics`).then((r) => r.text());
    expect(metrics.split('\n')).toContain('claimflow_ingest_validations_unread_total{service="ingest"} 1');
  }, 120_000);
});
