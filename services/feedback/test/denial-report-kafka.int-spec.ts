import { Kafka, logLevel, type Producer } from 'kafkajs';
import { envelopeToHeaders, rootEnvelope, TOPICS, type ClaimDeadLetteredV1 } from '@claimflow/contracts';
import { TopicRecorder, kafkaClientSecurity, uniqueSuffix, waitFor } from '@claimflow/testing';
import { aDenialReport } from '@claimflow/domain/testing';
import { REPORTER_HEADER } from '@claimflow/contracts';
import { sharedInfra, startHarness, type Harness } from './support/feedback-harness';

describe('denial reports over Kafka (denial-reports.submitted.v1)', () => {
  const suffix = `.${uniqueSuffix()}`;
  let h: Harness;
  let kafka: Kafka;
  let producer: Producer;
  let recorder: TopicRecorder;
  const deadLetters = () => recorder.messages.map((m) => m.json<ClaimDeadLetteredV1>());

  beforeAll(async () => {
    const { kafkaBrokers } = await sharedInfra();
    kafka = new Kafka({
      clientId: 'feedback-test',
      brokers: kafkaBrokers,
      logLevel: logLevel.NOTHING,
      ...kafkaClientSecurity('admin', kafkaBrokers),
    });
    // The service creates the topic it consumes as it starts; the recorder creates the dead-letter topic.
    recorder = await TopicRecorder.start(kafkaBrokers, [TOPICS.claimsDeadLetter + suffix], `feedback-test-dlq${suffix}`);
    h = await startHarness({ consume: true, suffix });
    producer = kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await h?.close();
    await recorder?.stop();
    await producer?.disconnect();
  });

  // The reporter is a real key with reports:submit (see reporter-keys.int-spec for made-up ones); set in beforeAll.
  let reporterKeyId = '';
  beforeAll(async () => {
    reporterKeyId = (await h.reporterKey('kafka-relay')).id;
  });
  const publish = (value: unknown, messageId?: string, reporter: string | null = reporterKeyId) => {
    const envelope = { ...rootEnvelope('DenialReportSubmitted.v1'), ...(messageId ? { id: messageId } : {}) };
    const headers = { ...envelopeToHeaders(envelope), ...(reporter ? { [REPORTER_HEADER]: reporter } : {}) };
    return producer.send({
      topic: TOPICS.denialReportsSubmitted + suffix,
      messages: [{ key: null, value: JSON.stringify(value), headers }],
    });
  };
  const deadLetterWith = async (code: string): Promise<ClaimDeadLetteredV1> => {
    const found = await waitFor(() => deadLetters().find((d) => d.reason.code === code) ?? false, {
      description: `a ${code} dead letter`,
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    if (!found) throw new Error(`no ${code} dead letter`);
    return found;
  };
  const storedIn = async (state: string) =>
    Number((await h.query<{ n: string }>('SELECT count(*) AS n FROM denial_report WHERE state = $1', [state]))[0].n);

  it('stores a published report, once even when the same message is delivered twice', async () => {
    const messageId = `msg-${uniqueSuffix()}`;
    await publish({ type: 'DenialReportSubmitted.v1', report: aDenialReport({ state: 'NM' }) }, messageId);
    await publish({ type: 'DenialReportSubmitted.v1', report: aDenialReport({ state: 'NM' }) }, messageId);
    await publish({
      type: 'DenialReportSubmitted.v1',
      idempotencyKey: 'pm-system-key-0001',
      report: aDenialReport({ state: 'NM', denialMonth: '2026-08' }),
    });
    await waitFor(async () => (await storedIn('NM')) === 2, { description: 'two NM reports stored', timeoutMs: 60_000, intervalMs: 200 });
    // A later message proves the duplicate was consumed (and skipped), not merely still queued.
    await publish({ type: 'DenialReportSubmitted.v1', report: aDenialReport({ state: 'NV' }) });
    await waitFor(async () => (await storedIn('NV')) === 1, { description: 'the NV report stored', timeoutMs: 30_000, intervalMs: 200 });
    expect(await storedIn('NM')).toBe(2);
  });

  it('dead-letters a malformed report with its field errors and original bytes', async () => {
    const malformed = { type: 'DenialReportSubmitted.v1', report: { ...aDenialReport(), state: 'XX', units: 3 } };
    await publish(malformed);
    const dead = await deadLetterWith('INVALID_MESSAGE');
    expect(dead.source).toMatchObject({ service: 'feedback', topic: TOPICS.denialReportsSubmitted + suffix });
    expect(dead.reason.errors.map((e) => e.path).sort()).toEqual(['report', 'report.state']);
    expect(JSON.parse(Buffer.from(dead.originalValueBase64, 'base64').toString('utf8'))).toEqual(malformed);
  });

  it('dead-letters a report carrying personal data with the reasons, but without its bytes, and stores nothing', async () => {
    await publish({
      type: 'DenialReportSubmitted.v1',
      report: aDenialReport({ state: 'WY', whatHappened: 'SSN 123-45-6789 was on the claim' }),
    });
    const dead = await deadLetterWith('REPORT_INVALID');
    expect(dead.reason.errors).toEqual([
      { path: 'report.whatHappened', code: 'PERSONAL_DATA_SSN', message: expect.stringContaining('Social Security number') },
    ]);
    expect(dead.originalValueBase64).toBe('');
    expect(JSON.stringify(dead)).not.toContain('6789');
    expect(await storedIn('WY')).toBe(0);
  });

  it('dead-letters a report without its reporter (the cf-reporter-key-id header) and stores only keyed hashes', async () => {
    await publish({ type: 'DenialReportSubmitted.v1', report: aDenialReport({ state: 'ID' }) }, undefined, null);
    const dead = await deadLetterWith('REPORTER_MISSING');
    expect(dead.reason.message).toContain('reporter');
    expect(await storedIn('ID')).toBe(0);
    const hashes = await h.query<{ reporter_hash: string }>('SELECT DISTINCT reporter_hash FROM denial_report');
    expect(hashes.length).toBeGreaterThan(0);
    for (const { reporter_hash } of hashes) expect(reporter_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await h.query('SELECT * FROM denial_report'))).not.toContain(reporterKeyId);
  });
});
