import { randomUUID } from 'node:crypto';
import { TOPICS, traceIdOf } from '@claimflow/contracts';
import { waitFor } from '@claimflow/testing';
import { scenario } from './support/fixtures';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

async function scrape(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

/** The value of one series (name and exact label set as Prometheus prints them), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics and trace context across the pipeline (real Kafka and Postgres)', () => {
  let h: PipelineHarness;
  let claimId: string;

  beforeAll(async () => {
    h = await startPipelineHarness('observability');
    const res = await fetch(`${h.pipeline.ingestUrl}/v1/claims`, {
      method: 'POST',
      headers: {
        ...(await h.keyOf('observability')).headers,
        'content-type': 'application/json',
        traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
      },
      body: scenario('lesi-62323-77003-pos11'),
    });
    expect(res.status).toBe(202);
    claimId = ((await res.json()) as { claims: { claimId: string }[] }).claims[0].claimId;
    await waitFor(() => h.recorder.on(h.topic(TOPICS.claimsPriced)).some((m) => m.key === claimId), {
      description: 'the claim on claims.priced.v2',
      timeoutMs: 60_000,
    });
  });

  afterAll(() => h?.close());

  it('carries the caller trace id from the HTTP request to the priced message, with a new span per hop', () => {
    const message = h.recorder.on(h.topic(TOPICS.claimsPriced)).find((m) => m.key === claimId)!;
    expect(traceIdOf(message.headers.traceparent)).toBe(TRACE_ID);
    expect(message.headers.traceparent.split('-')[2]).not.toBe('00f067aa0ba902b7');
  });

  it('exposes HTTP, Kafka, claim, edit, reference-data and event-loop series on /metrics', async () => {
    const ingest = await waitFor(
      async () => {
        const text = await scrape(h.pipeline.ingestUrl);
        return (sample(text, 'claimflow_claims_final_total{status="priced",service="ingest"}') ?? 0) >= 1 && text;
      },
      { description: 'ingest counting the priced claim', timeoutMs: 20_000 },
    );
    expect(sample(ingest, 'claimflow_http_requests_total{method="POST",route="/v1/claims",status="202",service="ingest"}')).toBe(1);
    expect(ingest).toMatch(/^claimflow_http_request_duration_seconds_count\{[^}]*route="\/v1\/claims",status="202"\} 1$/m);
    expect(sample(ingest, 'claimflow_kafka_messages_produced_total{topic="claims.normalized.v2",service="ingest"}')).toBe(1);
    expect(sample(ingest, 'claimflow_kafka_messages_consumed_total{topic="claims.priced.v2",service="ingest"}')).toBeGreaterThanOrEqual(1);
    expect(ingest).toMatch(/^claimflow_nodejs_eventloop_lag_p99_seconds\{service="ingest"\} /m);

    const validator = await scrape(h.pipeline.validatorUrl);
    expect(sample(validator, 'claimflow_validation_edits_total{code="PTP_BUNDLED",severity="deny",service="validator"}')).toBe(1);
    expect(sample(validator, 'claimflow_kafka_messages_consumed_total{topic="claims.normalized.v2",service="validator"}')).toBe(1);
    expect(sample(validator, 'claimflow_kafka_messages_produced_total{topic="claims.validated.v2",service="validator"}')).toBe(1);
    expect(validator).toMatch(/^claimflow_kafka_consumer_lag\{topic="claims.normalized.v2",partition="\d+",service="validator"\} 0$/m);
    expect(validator).toMatch(
      /^claimflow_refdata_release_info\{dataset="ncci-ptp-practitioner",release="NCCI-2024Q3",partial="false",service="validator"\} 1$/m,
    );

    const pricing = await scrape(h.pipeline.pricingUrl);
    expect(sample(pricing, 'claimflow_kafka_messages_produced_total{topic="claims.priced.v2",service="pricing"}')).toBe(1);
    expect(pricing).toMatch(/^claimflow_refdata_release_info\{dataset="mpfs-rvu",release="[^"]+",partial="false",service="pricing"\} 1$/m);
    expect(pricing).not.toContain(claimId);
  });

  it("counts a stray result on ingest's /metrics (claimflow_ingest_results_ignored_total)", async () => {
    // The priced message of the claim above, for a claim ingest never recorded, under a message id of its own.
    const original = h.recorder.on(h.topic(TOPICS.claimsPriced)).find((m) => m.key === claimId)!;
    const stray = randomUUID();
    const body = JSON.parse(original.value!.toString()) as { claimId: string };
    body.claimId = stray;
    await h.producer.send({
      topic: h.topic(TOPICS.claimsPriced),
      messages: [{ key: stray, value: JSON.stringify(body), headers: { ...original.headers, 'cf-message-id': randomUUID() } }],
    });
    await waitFor(
      async () =>
        (sample(
          await scrape(h.pipeline.ingestUrl),
          'claimflow_ingest_results_ignored_total{reason="UNKNOWN_CLAIM",result="RecordPricing",service="ingest"}',
        ) ?? 0) >= 1,
      { description: 'ingest counting the stray result on /metrics', timeoutMs: 30_000 },
    );
  });

  it('counts a dead-lettered message under the topic it came from', async () => {
    await h.producer.send({
      topic: h.topic(TOPICS.claimsNormalized),
      messages: [{ key: 'poison', value: '{"type":"ClaimNormalized.v2"}' }],
    });
    await waitFor(
      async () =>
        (sample(
          await scrape(h.pipeline.validatorUrl),
          'claimflow_kafka_messages_dead_lettered_total{topic="claims.normalized.v2",service="validator"}',
        ) ?? 0) >= 1,
      { description: 'the validator counting the dead letter', timeoutMs: 30_000 },
    );
  });
});
