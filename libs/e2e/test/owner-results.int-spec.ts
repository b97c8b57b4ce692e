import type { OwnerCredentials as Credentials } from '@claimflow/cli';
import { expandOwnerResult, OWNER_TOPICS, ownerTopic, type ClaimResultV2 } from '@claimflow/contracts';
import type { Claim } from '@claimflow/domain';
import { TopicRecorder, uniqueSuffix, waitFor } from '@claimflow/testing';
import { scenario } from './support/fixtures';
import { getClaim } from './support/http';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';
import { kafkaCredentialsCli as cli, PmSystems } from './support/pm-system';

interface ResultView {
  claimId: string;
  submitterId: string;
  submitterClaimId: string;
  status: string;
  claim?: Claim;
  result?: unknown;
}

/**
 * A PM system on Kafka, signed in with the credentials `claimflow kafka-credentials create` gives its owner: claims
 * on its own topic, each final result back on its own results topic, whatever header it sets.
 */
describe('per-owner topics: claims in, final results out (real Kafka and Postgres)', () => {
  const [ownerA, ownerB, ownerC] = [`clinic-a-${uniqueSuffix()}`, `clinic-b-${uniqueSuffix()}`, `clinic-c-${uniqueSuffix()}`];
  const saved = { ...process.env };
  let h: PipelineHarness;
  let a: Credentials;
  let b: Credentials;
  let results: TopicRecorder;
  const pm = new PmSystems();
  const credentials = (owner: string) => pm.credentials(owner);

  beforeAll(async () => {
    h = await startPipelineHarness('owners');
    Object.assign(process.env, { KAFKA_BROKERS: h.infra.kafkaBrokers.join(','), TOPIC_SUFFIX: h.suffix, KAFKA_PARTITIONS: '3' });
    // The observer first (it creates what it records), then each owner's credentials and topics, after ingest started.
    // C is an owner from before ClaimResult.v2: its v1 results topic exists when its credentials are created.
    const resultsOf = (owner: string) => ownerTopic(OWNER_TOPICS.claimResultsV2, owner) + h.suffix;
    const resultsV1Of = (owner: string) => ownerTopic(OWNER_TOPICS.claimResults, owner) + h.suffix;
    results = await TopicRecorder.start(
      h.infra.kafkaBrokers,
      [resultsOf(ownerA), resultsOf(ownerB), resultsV1Of(ownerC)],
      `owners-results${h.suffix}`,
      3,
    );
    a = await credentials(ownerA);
    b = await credentials(ownerB);
  }, 180_000);

  afterAll(async () => {
    await pm.close();
    process.env = saved;
    await results?.stop();
    await h?.close();
  });

  const publish = async (as: Credentials, submitterClaimId: string, headers: Record<string, string> = {}, value?: string) =>
    (await pm.producerOf(as)).send({
      topic: as.topics.submit,
      messages: [
        {
          key: submitterClaimId,
          value: value ?? scenario('lesi-62323-77003-pos11').replace('LESI-2025-0310', submitterClaimId),
          headers: { 'content-type': 'application/json', ...headers },
        },
      ],
    });
  const resultsOn = (topic: string, submitterClaimId: string) =>
    results.messages.filter((m) => m.topic === topic && m.json<ResultView>().submitterClaimId === submitterClaimId);

  it("records a claim A publishes with cf-submitter-id: B as A's, and gives its final result on A's results topic only, once", async () => {
    await publish(a, 'OWNER-A-1', { 'cf-submitter-id': ownerB });
    const [message] = await waitFor(
      () => (resultsOn(a.topics.results, 'OWNER-A-1').length > 0 ? resultsOn(a.topics.results, 'OWNER-A-1') : false),
      {
        description: "the claim's final result on A's results topic",
        timeoutMs: 60_000,
      },
    );
    const result = message.json<ClaimResultV2>();
    expect(a.resultsVersion).toBe('v2');
    expect(result).toMatchObject({ submitterId: ownerA, status: 'priced' });
    expect(message.key).toBe(result.claimId);
    expect(message.headers['cf-message-type']).toBe('ClaimResult.v2');
    expect(message.headers['cf-message-id']).toBe(`result:${result.claimId}:priced`);
    // GET /v1/claims/{id}'s answer to A, each fact once: no claim, the edits once (no lines), the pricing by line
    // index; with the claim it is GET's result exactly. None for B.
    const viaHttp = (await getClaim(
      h.pipeline.ingestUrl,
      result.claimId,
      '0s',
      'application/json',
      (await h.keyOf(ownerA)).headers,
    )) as ResultView;
    const { claim, result: whole, ...header } = viaHttp;
    const { result: compact, ...v2Header } = message.json<ClaimResultV2>();
    expect(v2Header).toEqual(header);
    expect(compact?.validation).not.toHaveProperty('lines');
    expect(compact?.validation.edits.length).toBeGreaterThan(0);
    expect(expandOwnerResult(compact!, claim!)).toEqual(whole);
    expect(message.value?.length).toBeLessThan(JSON.stringify(viaHttp).length / 2);
    const asB = await fetch(`${h.pipeline.ingestUrl}/v1/claims/${result.claimId}`, { headers: (await h.keyOf(ownerB)).headers });
    expect(asB.status).toBe(404);
    // The message was one submission of A's (#29 item 2), listed for A's key with its claim, never for B's.
    const submissionsOf = async (owner: string) =>
      (await (await fetch(`${h.pipeline.ingestUrl}/v1/submissions`, { headers: (await h.keyOf(owner)).headers })).json()) as {
        submissions: { submissionId: string; format: string; claimCount: number }[];
      };
    // Recorded once its claims are (a moment before the claim is even validated): waited for, never assumed.
    const [submission] = await waitFor(
      async () => {
        const { submissions } = await submissionsOf(ownerA);
        return submissions.length > 0 && submissions;
      },
      {
        description: "the message's submission",
        timeoutMs: 10_000,
      },
    );
    expect(submission).toMatchObject({ format: 'json', claimCount: 1 });
    const read = await fetch(`${h.pipeline.ingestUrl}/v1/submissions/${submission.submissionId}`, {
      headers: (await h.keyOf(ownerA)).headers,
    });
    expect(((await read.json()) as { claims: { claimId: string }[] }).claims.map((c) => c.claimId)).toEqual([result.claimId]);
    expect((await submissionsOf(ownerB)).submissions).toEqual([]);

    // B's own claim answers on B's topic; by then A's claim has had every chance to be published twice.
    await publish(b, 'OWNER-B-1');
    await waitFor(() => resultsOn(b.topics.results, 'OWNER-B-1').length > 0, { description: "B's result on B's topic", timeoutMs: 60_000 });
    expect(resultsOn(a.topics.results, 'OWNER-A-1')).toHaveLength(1);
    expect(resultsOn(b.topics.results, 'OWNER-A-1')).toHaveLength(0);
    expect(resultsOn(a.topics.results, 'OWNER-B-1')).toHaveLength(0);
  });

  it('gives a claim rejected at intake its final result too, with its errors', async () => {
    const broken = JSON.stringify({ ...JSON.parse(scenario('lesi-62323-77003-pos11')), submitterClaimId: 'OWNER-A-BAD', lines: [] });
    await publish(a, 'OWNER-A-BAD', {}, broken);
    const [message] = await waitFor(
      () => (resultsOn(a.topics.results, 'OWNER-A-BAD').length > 0 ? resultsOn(a.topics.results, 'OWNER-A-BAD') : false),
      {
        description: "the rejection on A's results topic",
        timeoutMs: 60_000,
      },
    );
    expect(message.json()).toMatchObject({ submitterId: ownerA, status: 'rejected', errors: expect.any(Array) });
  });

  it('moves an owner from v1 results to v2 (upgrade-results) without losing or repeating a result', async () => {
    const c = await credentials(ownerC);
    expect(c.resultsVersion).toBe('v1');
    expect(c.topics.results).toBe(ownerTopic(OWNER_TOPICS.claimResults, ownerC) + h.suffix);
    await publish(c, 'OWNER-C-1');
    const [v1] = await waitFor(
      () => (resultsOn(c.topics.results, 'OWNER-C-1').length > 0 ? resultsOn(c.topics.results, 'OWNER-C-1') : false),
      {
        description: "C's first result on its v1 topic",
        timeoutMs: 60_000,
      },
    );
    expect(v1.headers['cf-message-type']).toBe('ClaimResult.v1');
    expect(v1.json<ResultView>().claim).toBeDefined();

    expect(await cli('upgrade-results', '--owner', ownerC)).toContain('ClaimResult.v2');
    const v2Topic = ownerTopic(OWNER_TOPICS.claimResultsV2, ownerC) + h.suffix;
    // The PM system, signed in as C, reads both topics (the rollover's step): v1 to drain, v2 from now on.
    const seen: { topic: string; type: string; submitterClaimId: string }[] = [];
    const consumer = pm.kafkaOf(c).consumer({ groupId: `${c.consumerGroupPrefix}rollover` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [c.topics.results, v2Topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, message }) => {
          const body = JSON.parse(message.value?.toString() ?? '{}') as ResultView;
          seen.push({ topic, type: String(message.headers?.['cf-message-type']), submitterClaimId: body.submitterClaimId });
        },
      });
      // Ingest sees the new topic within a second (its topic listing's age): a claim's result may still take v1
      // until then, never both. Claims one after another until one's result is on v2.
      for (let n = 2; n <= 6 && !seen.some((m) => m.topic === v2Topic); n++) {
        await publish(c, `OWNER-C-${n}`);
        await waitFor(() => seen.some((m) => m.submitterClaimId === `OWNER-C-${n}`), {
          description: `the result of OWNER-C-${n}, read with C's credentials`,
          timeoutMs: 60_000,
        });
      }
      await waitFor(() => seen.some((m) => m.submitterClaimId === 'OWNER-C-1'), { description: 'C-1 drained from v1', timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
    }
    // Each result once, v1 ones as v1 on the v1 topic, and from the first on v2 every later one there.
    const ids = seen.map((m) => m.submitterClaimId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of seen) expect(m.type).toBe(m.topic === v2Topic ? 'ClaimResult.v2' : 'ClaimResult.v1');
    const firstV2 = Math.min(...seen.filter((m) => m.topic === v2Topic).map((m) => Number(m.submitterClaimId.slice('OWNER-C-'.length))));
    expect(firstV2).toBeLessThanOrEqual(6);
    for (const m of seen) if (Number(m.submitterClaimId.slice('OWNER-C-'.length)) > firstV2) expect(m.topic).toBe(v2Topic);
    expect(seen.find((m) => m.submitterClaimId === 'OWNER-C-1')?.topic).toBe(c.topics.results);
  });
});
