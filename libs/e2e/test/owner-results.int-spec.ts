import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { kafkaCredentialsCommand, type OwnerCredentials as Credentials } from '@claimflow/cli';
import { OWNER_TOPICS, ownerTopic } from '@claimflow/contracts';
import { TopicRecorder, uniqueSuffix, waitFor } from '@claimflow/testing';
import { scenario } from './support/fixtures';
import { getClaim } from './support/http';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

interface ResultView {
  claimId: string;
  submitterId: string;
  submitterClaimId: string;
  status: string;
}

/**
 * A PM system on Kafka, signed in with the credentials `claimflow kafka-credentials create` gives its owner: claims
 * on its own topic, each final result back on its own results topic, whatever header it sets.
 */
describe('per-owner topics: claims in, final results out (real Kafka and Postgres)', () => {
  const [ownerA, ownerB] = [`clinic-a-${uniqueSuffix()}`, `clinic-b-${uniqueSuffix()}`];
  const saved = { ...process.env };
  let h: PipelineHarness;
  let a: Credentials;
  let b: Credentials;
  let results: TopicRecorder;
  const producers: Producer[] = [];

  const credentials = async (owner: string): Promise<Credentials> => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), cwd: process.cwd() };
    expect(await kafkaCredentialsCommand.run(['create', '--owner', owner, '--json'], io)).toBe(0);
    return JSON.parse(out.join('')) as Credentials;
  };
  const producerOf = async (c: Credentials) => {
    const kafka = new Kafka({
      clientId: c.owner,
      brokers: [...c.brokers],
      ssl: { ca: [c.ssl.ca] },
      sasl: c.sasl,
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    producers.push(producer);
    return producer;
  };

  beforeAll(async () => {
    h = await startPipelineHarness('owners');
    Object.assign(process.env, { KAFKA_BROKERS: h.infra.kafkaBrokers.join(','), TOPIC_SUFFIX: h.suffix, KAFKA_PARTITIONS: '3' });
    // The observer first (it creates what it records), then each owner's credentials and topics, after ingest started.
    const resultsOf = (owner: string) => ownerTopic(OWNER_TOPICS.claimResults, owner) + h.suffix;
    results = await TopicRecorder.start(h.infra.kafkaBrokers, [resultsOf(ownerA), resultsOf(ownerB)], `owners-results${h.suffix}`, 3);
    a = await credentials(ownerA);
    b = await credentials(ownerB);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(producers.map((p) => p.disconnect()));
    for (const owner of [ownerA, ownerB])
      await kafkaCredentialsCommand.run(['revoke', '--owner', owner], { out: () => undefined, err: () => undefined, cwd: '.' });
    process.env = saved;
    await results?.stop();
    await h?.close();
  });

  const publish = async (as: Credentials, submitterClaimId: string, headers: Record<string, string> = {}, value?: string) =>
    (await producerOf(as)).send({
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
    const result = message.json<ResultView>();
    expect(result).toMatchObject({ submitterId: ownerA, status: 'priced' });
    expect(message.key).toBe(result.claimId);
    expect(message.headers['cf-message-type']).toBe('ClaimResult.v1');
    expect(message.headers['cf-message-id']).toBe(`result:${result.claimId}:priced`);
    // The same answer GET /v1/claims/{id} gives A, and none for B.
    const viaHttp = await getClaim(h.pipeline.ingestUrl, result.claimId, '0s', 'application/json', (await h.keyOf(ownerA)).headers);
    expect(message.json()).toEqual(viaHttp);
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
});
