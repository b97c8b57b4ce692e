import { Kafka, logLevel, type Producer } from 'kafkajs';
import { PACKED_HEADER, TOPICS, envelopeToHeaders, rootEnvelope } from '@claimflow/contracts';
import { TopicRecorder, kafkaClientSecurity, startInfra, waitFor, type Infra } from '@claimflow/testing';
import { fixture, startIngest, submissionHeaders, type RunningIngest } from './support/ingest-app';

interface ClaimAnswer {
  status: string;
  errors?: { path: string; code: string; message: string }[];
}

/**
 * A message that fails its contract mid-pipeline strands no claim: its dead letter names the claim, and ingest
 * finishes the claim as rejected with the dead letter's reason (real broker, real Postgres).
 */
describe('a claim whose message was dead-lettered reaches a final status', () => {
  let infra: Infra;
  let ingest: RunningIngest;
  let producer: Producer;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    infra = await startInfra();
    // Ingest reads a validation once it is INGEST_VALIDATION_HOLD_MS old (default 30 s, in case its pricing follows):
    // 1 s here, so each malformed validation is read after 1-2 s, not 30-60 (the hold has tests of its own).
    ingest = await startIngest('stranded', { INGEST_VALIDATION_HOLD_MS: '1000' });
    recorder = await TopicRecorder.start(
      infra.kafkaBrokers,
      [TOPICS.claimsDeadLetter + ingest.topicSuffix],
      `stranded-recorder${ingest.topicSuffix}`,
    );
    // The validator's principal: the only one that may write claims.validated.v2.
    const kafka = new Kafka({
      clientId: `stranded-test${ingest.topicSuffix}`,
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
      ...kafkaClientSecurity('validator', infra.kafkaBrokers),
    });
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await ingest?.close();
    await infra?.stop();
  });

  /** The claim's answer once it is rejected (each request waits up to 5 s for a change). */
  const rejected = (id: string, description: string) =>
    waitFor(
      async () => {
        const res = await fetch(`${ingest.url}/v1/claims/${id}?wait=5s`, { headers: ingest.key.headers });
        const body = (await res.json()) as ClaimAnswer;
        return body.status === 'rejected' ? body : false;
      },
      { description, timeoutMs: 60_000 },
    );

  let claimId: string;
  /** A validation result that breaks its contract (no validation document), for a claim ingest recorded. */
  const sendMalformedValidation = () =>
    producer.send({
      topic: TOPICS.claimsValidated + ingest.topicSuffix,
      messages: [
        {
          key: claimId,
          value: JSON.stringify({ type: 'ClaimValidated.v1', claim: { claimId }, validation: 'not a validation' }),
          headers: envelopeToHeaders(rootEnvelope('ClaimValidated.v1')),
        },
      ],
    });

  it('rejects the claim of a malformed claims.validated.v1, with the reason, and the dead letter names it', async () => {
    const submitted = await fetch(`${ingest.url}/v1/claims`, {
      method: 'POST',
      headers: submissionHeaders(ingest, 'application/json'),
      body: fixture('json/lesi-pos22.claim.json'),
    });
    expect(submitted.status).toBe(202);
    const { claims } = (await submitted.json()) as { claims: { claimId: string }[] };
    claimId = claims[0].claimId;
    await sendMalformedValidation();

    const answer = await rejected(claimId, 'the claim rejected after its validation result was dead-lettered');
    expect(answer.errors?.[0]).toEqual({ path: '', code: 'INVALID_MESSAGE', message: 'message does not match its contract' });
    expect(answer.errors?.some((e) => e.path.startsWith('validation'))).toBe(true);

    const deadLetter = recorder
      .on(TOPICS.claimsDeadLetter + ingest.topicSuffix)
      .map((m) => m.json<{ claimId?: string; reason: { code: string }; source: { topic: string } }>())
      .find((d) => d.source.topic === TOPICS.claimsValidated + ingest.topicSuffix);
    expect(deadLetter).toMatchObject({ claimId, reason: { code: 'INVALID_MESSAGE' } });
  });

  it("counts a second dead letter for the finished claim on ingest's /metrics (claimflow_ingest_results_ignored_total)", async () => {
    await sendMalformedValidation();
    const series = 'claimflow_ingest_results_ignored_total{reason="ALREADY_FINAL",result="RecordRejection",service="ingest"}';
    await waitFor(
      async () => {
        const res = await fetch(`${ingest.url}/metrics`);
        expect(res.status).toBe(200);
        const line = (await res.text()).split('\n').find((l) => l.startsWith(`${series} `));
        return line !== undefined && Number(line.slice(series.length + 1)) >= 1;
      },
      { description: 'the ignored result on /metrics', timeoutMs: 60_000 },
    );
  });

  it('rejects every claim a packed record names when its index does not describe its value, each dead letter naming one', async () => {
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const claim = { ...(JSON.parse(fixture('json/lesi-pos22.claim.json')) as object), submitterClaimId: `PACKED-BROKEN-${n}` };
      const res = await fetch(`${ingest.url}/v1/claims`, {
        method: 'POST',
        headers: submissionHeaders(ingest, 'application/json'),
        body: JSON.stringify(claim),
      });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { claims: { claimId: string }[] }).claims[0].claimId);
    }
    // Two entries whose sizes (5 and 5) do not add up to the value's 30 bytes.
    const entry = (id: string) => [id, 5, envelopeToHeaders(rootEnvelope('ClaimValidated.v2'))];
    await producer.send({
      topic: TOPICS.claimsValidated + ingest.topicSuffix,
      messages: [{ key: ids[0], value: 'x'.repeat(30), headers: { [PACKED_HEADER]: JSON.stringify(ids.map(entry)) } }],
    });
    for (const id of ids) {
      const answer = await rejected(id, 'each claim of the broken packed record rejected');
      expect(answer.errors?.[0]?.code).toBe('INVALID_ENVELOPE');
    }
    const named = recorder
      .on(TOPICS.claimsDeadLetter + ingest.topicSuffix)
      .map((m) => m.json<{ claimId?: string; reason: { code: string } }>())
      .filter((d) => d.reason.code === 'INVALID_ENVELOPE')
      .map((d) => d.claimId);
    expect(named).toEqual(expect.arrayContaining(ids));
  });
});
