import { Client } from 'pg';
import { TOPICS } from '@claimflow/contracts';
import { waitFor } from '@claimflow/testing';
import { fixture, scenario } from './support/fixtures';
import { getClaim, submit } from './support/http';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

describe('ingest tracks every claim to its result (real Kafka and Postgres)', () => {
  let h: PipelineHarness;
  const x12 = 'application/edi-x12';

  beforeAll(async () => {
    h = await startPipelineHarness('ledger');
  });

  afterAll(() => h?.close());

  const ledgerRows = async (submitterId: string) => {
    const client = new Client({ connectionString: h.db.url });
    await client.connect();
    try {
      return (
        await client.query(
          `SELECT id, submitter_claim_id, status, replaced_by_id, result ->> 'form' AS form, denied FROM claim_ledger WHERE submitter_id = $1`,
          [submitterId],
        )
      ).rows;
    } finally {
      await client.end();
    }
  };

  // A consistent interchange with a bad claim: the good claims go on. (An inconsistent envelope refuses them all: issue 12.)
  it('accepts the good claims of an 837 with bad ones, reports every error of the bad one, and prices the rest', async () => {
    const { status, body } = await submit(h.pipeline.ingestUrl, fixture('x12/mixed-claims.x12'), x12, (await h.keyOf('mixed')).headers);
    expect(status).toBe(202);
    expect(body.claims.map((c) => c.submitterClaimId)).toEqual(['GOOD-001', 'GOOD-003']);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0].submitterClaimId).toBe('BAD-002');
    expect(body.rejected[0].errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['MODIFIER_UNKNOWN', 'NPI_CHECK_DIGIT', 'UNITS_INVALID', 'DATE_INVALID']),
    );
    expect(body.errors).toEqual([]);
    const reader = (await h.keyOf('mixed')).headers;
    for (const c of body.claims)
      expect((await getClaim(h.pipeline.ingestUrl, c.claimId, '20s', 'application/json', reader)).status).toBe('priced');
    const rows = await ledgerRows('mixed');
    expect(rows.map((r) => `${r.submitter_claim_id}:${r.status}`).sort()).toEqual([
      'BAD-002:rejected',
      'GOOD-001:priced',
      'GOOD-003:priced',
    ]);
    // Results from the v2 pipeline are stored compact (libs/contracts stored-results.ts), their denied column set.
    for (const r of rows.filter((r) => r.status === 'priced')) expect(r).toMatchObject({ form: 'compact', denied: expect.any(Boolean) });
  });

  it('does not process the same claim twice', async () => {
    const first = await submit(h.pipeline.ingestUrl, fixture('x12/single-claim.x12'), x12, (await h.keyOf('dup')).headers, '?wait=20s');
    expect(first.status).toBe(200);
    const again = await submit(h.pipeline.ingestUrl, fixture('x12/single-claim.x12'), x12, (await h.keyOf('dup')).headers);
    expect(again.body.claims[0]).toMatchObject({ claimId: first.body.claims[0].claimId, status: 'duplicate' });
    // A later claim is priced after the duplicate was refused; by then a reprocessed duplicate would show too.
    const marker = await submit(
      h.pipeline.ingestUrl,
      scenario('nasoenteric-44500-76000'),
      'application/json',
      (await h.keyOf('dup')).headers,
      '?wait=20s',
    );
    expect(marker.status).toBe(200);
    expect(h.recorder.on(h.topic(TOPICS.claimsPriced)).filter((m) => m.key === first.body.claims[0].claimId)).toHaveLength(1);
    expect(await ledgerRows('dup')).toHaveLength(2);
  });

  it('sends a resubmitted claim that has no result yet on again, and records one result', async () => {
    const body = scenario('picc-36569-77001').replace(/"submitterClaimId": "[^"]*"/, '"submitterClaimId": "REDRIVE-1"');
    const redrive = (await h.keyOf('redrive')).headers;
    const first = await submit(h.pipeline.ingestUrl, body, 'application/json', redrive, '?wait=20s');
    expect(first.status).toBe(200);
    const id = first.body.claims[0].claimId;
    // As if its messages had been lost downstream: acknowledged, sent, and stuck at normalized.
    const client = new Client({ connectionString: h.db.url });
    await client.connect();
    try {
      await client.query(
        "UPDATE claim_ledger SET status = 'normalized', result = NULL, validated_at = NULL, priced_at = NULL WHERE id = $1",
        [id],
      );
    } finally {
      await client.end();
    }
    const again = await submit(h.pipeline.ingestUrl, body, 'application/json', redrive, '?wait=20s');
    expect(again.body.claims[0]).toMatchObject({ claimId: id, status: 'duplicate' });
    expect(again.status).toBe(200);
    expect((await getClaim(h.pipeline.ingestUrl, id, '20s', 'application/json', redrive)).status).toBe('priced');
    expect(await ledgerRows('redrive')).toHaveLength(1);
  });

  it('lets a frequency-7 claim replace the earlier submission', async () => {
    const original = JSON.parse(scenario('picc-36569-77001'));
    const first = await submit(
      h.pipeline.ingestUrl,
      JSON.stringify(original),
      'application/json',
      (await h.keyOf('repl')).headers,
      '?wait=20s',
    );
    const replacement = {
      ...original,
      frequencyCode: '7',
      lines: original.lines.map((l: { charge?: number }) => ({ ...l, charge: (l.charge ?? 100) + 1 })),
    };
    const second = await submit(
      h.pipeline.ingestUrl,
      JSON.stringify(replacement),
      'application/json',
      (await h.keyOf('repl')).headers,
      '?wait=20s',
    );
    expect(second.body.claims[0].status).toBe('accepted');
    const earlier = await getClaim(
      h.pipeline.ingestUrl,
      first.body.claims[0].claimId,
      '20s',
      'application/json',
      (await h.keyOf('repl')).headers,
    );
    expect(earlier.replacedBy).toBe(second.body.claims[0].claimId);
  });

  it('dead-letters claims published on Kafka that cannot be normalized, with their errors, and records them', async () => {
    await h.producer.send({
      topic: (await h.ownerTopics('kafka-mixed')).submit,
      messages: [
        {
          key: 'bad-837',
          value: fixture('x12/mixed-claims.x12'),
          headers: { 'content-type': 'application/edi-x12' },
        },
      ],
    });
    const dead = await waitFor(
      () =>
        h.recorder
          .on(h.topic(TOPICS.claimsDeadLetter))
          .find((m) => m.json<{ submitterClaimId?: string }>().submitterClaimId === 'BAD-002') ?? false,
      { description: 'BAD-002 on the dead-letter topic' },
    );
    const body = dead.json<{ reason: { code: string; errors: { code: string }[] }; originalValueBase64: string }>();
    expect(body.reason.code).toBe('CLAIM_INVALID');
    expect(body.reason.errors.length).toBeGreaterThanOrEqual(4);
    expect(Buffer.from(body.originalValueBase64, 'base64').toString()).toBe(fixture('x12/mixed-claims.x12'));
    await waitFor(async () => (await ledgerRows('kafka-mixed')).filter((r) => r.status === 'priced').length === 2 || false, {
      description: 'both good Kafka claims priced in the ledger',
    });
  });

  it('answers a priced claim as a FHIR ClaimResponse with allowed amounts and edits as reasons', async () => {
    const { body } = await submit(
      h.pipeline.ingestUrl,
      scenario('lesi-62323-77003-pos11'),
      'application/json',
      (await h.keyOf('fhir')).headers,
      '?wait=20s',
    );
    const response = await getClaim<{
      resourceType: string;
      item: { itemSequence: number; adjudication: { category: { coding: { code: string }[] }; amount?: { value: number } }[] }[];
    }>(h.pipeline.ingestUrl, body.claims[0].claimId, '1s', 'application/fhir+json', (await h.keyOf('fhir')).headers);
    expect(response.resourceType).toBe('ClaimResponse');
    expect(response.item).toHaveLength(2);
    const eligible = response.item[0].adjudication.find((a) => a.category.coding[0].code === 'eligible');
    expect(eligible?.amount?.value).toBeGreaterThan(0);
  });
});
