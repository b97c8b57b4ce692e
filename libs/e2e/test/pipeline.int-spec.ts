import { Client } from 'pg';
import type { Claim } from '@claimflow/domain';
import { ClaimPricedV2, TOPICS, pricedResultOf } from '@claimflow/contracts';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { waitFor } from '@claimflow/testing';
import { scenario } from './support/fixtures';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

/** The claim as ingest's ledger holds it: what ingest completes a ClaimPriced.v2 (the claim by id) from. */
async function ledgerClaim(databaseUrl: string, claimId: string): Promise<Claim> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ claim: Claim }>('SELECT claim FROM claim_ledger WHERE id = $1', [claimId])).rows[0].claim;
  } finally {
    await client.end();
  }
}

/** The result a compact ClaimPriced.v2 stands for: its lines and edits completed from the claim it names. */
async function pricedBody(databaseUrl: string, message: { json<T>(): T }) {
  const priced = ClaimPricedV2.parse(message.json());
  const { validation, pricing } = pricedResultOf(priced, await ledgerClaim(databaseUrl, priced.claimId));
  if (pricing.kind !== 'priced') throw new Error(`claim not priced: ${pricing.code}`);
  return { validation, pricing };
}

/** The expected price of a line, worked out here from the shipped RVU and GPCI rows, not by the pricer. */
async function expectedAllowed(code: string, date: string, carrier: string, locality: string): Promise<number> {
  const catalog = await loadDefaultCatalog();
  const rvu = catalog.resolve('mpfs-rvu', date);
  const gpci = catalog.resolve('mpfs-gpci', date);
  if (!rvu.ok || !gpci.ok) throw new Error('shipped data lacks the 2025 fee schedule');
  const row = rvu.value.get(code, '')!;
  const g = gpci.value.get(carrier, locality)!;
  const cents = Math.round((row.workRvu * g.work + row.nonFacilityPeRvu * g.pe + row.mpRvu * g.mp) * rvu.value.conversionFactor * 100);
  return cents / 100;
}

describe('claim pipeline end to end on real Kafka and Postgres', () => {
  let h: PipelineHarness;
  let priced: string;
  let deadLetter: string;

  beforeAll(async () => {
    h = await startPipelineHarness('e2e');
    [priced, deadLetter] = [h.topic(TOPICS.claimsPriced), h.topic(TOPICS.claimsDeadLetter)];
  });

  afterAll(() => h?.close());

  const pricedFor = (claimId: string) => h.recorder.on(priced).find((m) => m.key === claimId) ?? false;

  it('prices a claim posted over HTTP, flags 77003 beside 62323 and keeps the correlation id', async () => {
    const key = await h.keyOf('e2e');
    const res = await fetch(`${h.pipeline.ingestUrl}/v1/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': `corr-http${h.suffix}`, ...key.headers },
      body: scenario('lesi-62323-77003-pos11'),
    });
    expect(res.status).toBe(202);
    const { claims } = (await res.json()) as { claims: { claimId: string; links: { self: string } }[] };
    const message = await waitFor(() => pricedFor(claims[0].claimId), {
      description: 'the HTTP claim on claims.priced.v2',
      timeoutMs: 60_000,
    });

    expect(message.headers['cf-correlation-id']).toBe(`corr-http${h.suffix}`);
    expect(message.headers['cf-message-type']).toBe('ClaimPriced.v2');
    const body = await pricedBody(h.db.url, message);
    const fluoro = body.validation.lines.find((l) => l.code === '77003')!;
    expect(fluoro.denied).toBe(true);
    expect(fluoro.edits.map((e) => e.code)).toEqual(expect.arrayContaining(['PTP_BUNDLED', 'GUIDANCE_INCLUDED']));
    const [epidural, guidance] = body.pricing.lines;
    expect(epidural.allowed).toBe(await expectedAllowed('62323', '2025-03-10', '13202', '01'));
    expect(guidance.allowed).toBe(0);
    expect(body.pricing.totals.allowed).toBe(epidural.allowed);

    const view = (await fetch(`${h.pipeline.ingestUrl}${claims[0].links.self}?wait=10s`, { headers: key.headers }).then((r) =>
      r.json(),
    )) as {
      status: string;
    };
    expect(view.status).toBe('priced');
  });

  it("prices a claim published to its owner's claims.submitted.v1.<owner> and carries its correlation id through", async () => {
    const { submit } = await h.ownerTopics('e2e-kafka');
    await h.producer.send({
      topic: submit,
      messages: [
        {
          key: 'LESI-KAFKA',
          value: scenario('lesi-62323-77003-pos11').replace('LESI-2025-0310', 'LESI-KAFKA-1'),
          headers: { 'content-type': 'application/json', 'cf-correlation-id': `corr-kafka${h.suffix}` },
        },
      ],
    });
    const message = await waitFor(
      () => h.recorder.on(priced).find((m) => m.headers['cf-correlation-id'] === `corr-kafka${h.suffix}`) ?? false,
      {
        description: 'the Kafka claim on claims.priced.v2',
        timeoutMs: 60_000,
      },
    );
    const body = await pricedBody(h.db.url, message);
    expect(body.validation.lines.find((l) => l.code === '77003')!.denied).toBe(true);
    expect(body.pricing.lines[0].allowed).toBeGreaterThan(0);
  });

  it('dead-letters a malformed message with its reason and original bytes, and keeps going', async () => {
    const garbage = '{"submitterClaimId": "BROKEN", lines: [';
    const { submit } = await h.ownerTopics('e2e-kafka');
    await h.producer.send({
      topic: submit,
      messages: [{ key: 'BROKEN', value: garbage, headers: { 'content-type': 'application/json' } }],
    });
    const dead = await waitFor(() => h.recorder.on(deadLetter).find((m) => m.key === 'BROKEN') ?? false, {
      description: 'the malformed message on the dead-letter topic',
    });
    const body = dead.json<{ reason: { code: string }; originalValueBase64: string }>();
    expect(body.reason.code).toBe('MALFORMED_JSON');
    expect(Buffer.from(body.originalValueBase64, 'base64').toString()).toBe(garbage);

    await h.producer.send({
      topic: submit,
      messages: [
        {
          key: 'AFTER',
          value: scenario('nasoenteric-44500-76000'),
          headers: { 'content-type': 'application/json', 'cf-correlation-id': `corr-after${h.suffix}` },
        },
      ],
    });
    await waitFor(() => h.recorder.on(priced).find((m) => m.headers['cf-correlation-id'] === `corr-after${h.suffix}`) ?? false, {
      description: 'a good claim priced after the bad one',
    });
  });
});
