import { OWNER_TOPICS, ownerTopic } from '@claimflow/contracts';
import { TopicRecorder, waitFor } from '@claimflow/testing';
import { scenario } from './support/fixtures';
import { getClaim } from './support/http';
import type { OwnerTopicNames } from './support/owner-topics';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

interface ResultView {
  claimId: string;
  submitterId: string;
  submitterClaimId: string;
  status: string;
}

/** A PM system on Kafka: claims on its own topic, each final result back on its own results topic. */
describe('per-owner topics: claims in, final results out (real Kafka and Postgres)', () => {
  let h: PipelineHarness;
  let a: OwnerTopicNames;
  let b: OwnerTopicNames;
  let results: TopicRecorder;

  beforeAll(async () => {
    h = await startPipelineHarness('owners');
    // The observer first (it creates what it records), then the owners' topics, created after ingest started, as
    // `claimflow kafka-credentials create` does for a new PM system.
    const resultsOf = (owner: string) => ownerTopic(OWNER_TOPICS.claimResults, owner) + h.suffix;
    results = await TopicRecorder.start(
      h.infra.kafkaBrokers,
      [resultsOf('clinic-a'), resultsOf('clinic-b')],
      `owners-results${h.suffix}`,
      3,
    );
    a = await h.ownerTopics('clinic-a');
    b = await h.ownerTopics('clinic-b');
  });

  afterAll(async () => {
    await results?.stop();
    await h?.close();
  });

  const publish = (topic: string, submitterClaimId: string, headers: Record<string, string> = {}) =>
    h.producer.send({
      topic,
      messages: [
        {
          key: submitterClaimId,
          value: scenario('lesi-62323-77003-pos11').replace('LESI-2025-0310', submitterClaimId),
          headers: { 'content-type': 'application/json', ...headers },
        },
      ],
    });
  const resultsOn = (topic: string, submitterClaimId: string) =>
    results.messages.filter((m) => m.topic === topic && m.json<ResultView>().submitterClaimId === submitterClaimId);

  it("records a claim A publishes with cf-submitter-id: B as A's, and gives its final result on A's results topic only, once", async () => {
    await publish(a.submit, 'OWNER-A-1', { 'cf-submitter-id': 'clinic-b' });
    const [message] = await waitFor(() => (resultsOn(a.results, 'OWNER-A-1').length > 0 ? resultsOn(a.results, 'OWNER-A-1') : false), {
      description: "the claim's final result on A's results topic",
      timeoutMs: 60_000,
    });
    const result = message.json<ResultView>();
    expect(result).toMatchObject({ submitterId: 'clinic-a', status: 'priced' });
    expect(message.key).toBe(result.claimId);
    expect(message.headers['cf-message-type']).toBe('ClaimResult.v1');
    expect(message.headers['cf-message-id']).toBe(`result:${result.claimId}:priced`);
    // The same answer GET /v1/claims/{id} gives A, and none for B.
    const viaHttp = await getClaim(h.pipeline.ingestUrl, result.claimId, '0s', 'application/json', (await h.keyOf('clinic-a')).headers);
    expect(message.json()).toEqual(viaHttp);
    const asB = await fetch(`${h.pipeline.ingestUrl}/v1/claims/${result.claimId}`, { headers: (await h.keyOf('clinic-b')).headers });
    expect(asB.status).toBe(404);

    // B's own claim answers on B's topic; by then A's claim has had every chance to be published twice.
    await publish(b.submit, 'OWNER-B-1');
    await waitFor(() => resultsOn(b.results, 'OWNER-B-1').length > 0, { description: "B's result on B's topic", timeoutMs: 60_000 });
    expect(resultsOn(a.results, 'OWNER-A-1')).toHaveLength(1);
    expect(resultsOn(b.results, 'OWNER-A-1')).toHaveLength(0);
    expect(resultsOn(a.results, 'OWNER-B-1')).toHaveLength(0);
  });

  it('gives a claim rejected at intake its final result too, with its errors', async () => {
    const broken = JSON.stringify({ ...JSON.parse(scenario('lesi-62323-77003-pos11')), submitterClaimId: 'OWNER-A-BAD', lines: [] });
    await h.producer.send({
      topic: a.submit,
      messages: [{ key: 'OWNER-A-BAD', value: broken, headers: { 'content-type': 'application/json' } }],
    });
    const [message] = await waitFor(() => (resultsOn(a.results, 'OWNER-A-BAD').length > 0 ? resultsOn(a.results, 'OWNER-A-BAD') : false), {
      description: "the rejection on A's results topic",
      timeoutMs: 60_000,
    });
    expect(message.json()).toMatchObject({ submitterId: 'clinic-a', status: 'rejected', errors: expect.any(Array) });
  });
});
