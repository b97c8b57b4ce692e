import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { envelopeToHeaders, REPORTER_HEADER, rootEnvelope, TOPICS, type ClaimDeadLetteredV1 } from '@claimflow/contracts';
import { aDenialReport } from '@claimflow/domain/testing';
import { kafkaClientSecurity, mintTestKey, TopicRecorder, uniqueSuffix, waitFor } from '@claimflow/testing';
import { LegacyReporters } from '../src/reporter/legacy-reporters';
import { ReporterSecret } from '../src/reporter/reporter-secret';
import { getJson, postJson } from './support/start-feedback';
import { sharedInfra, startHarness, type Harness } from './support/feedback-harness';
import { waitForPublication } from './support/attacker';

/** Reporters are real API keys (exists, not revoked, reports:submit), counted per owner towards k. */
describe('reporters are API keys, counted per owner', () => {
  const suffix = `.${uniqueSuffix()}`;
  let h: Harness;
  let producer: Producer;
  let recorder: TopicRecorder;
  const deadLetters = () => recorder.messages.map((m) => m.json<ClaimDeadLetteredV1>());

  beforeAll(async () => {
    const { kafkaBrokers } = await sharedInfra();
    recorder = await TopicRecorder.start(kafkaBrokers, [TOPICS.claimsDeadLetter + suffix], `feedback-test-reporters${suffix}`);
    h = await startHarness({ consume: true, suffix });
    const security = kafkaClientSecurity('admin', kafkaBrokers);
    producer = new Kafka({
      clientId: 'feedback-reporters-test',
      brokers: kafkaBrokers,
      logLevel: logLevel.NOTHING,
      ...security,
    }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await h?.close();
    await recorder?.stop();
    await producer?.disconnect();
  });

  const publish = (reporter: string, state: 'ND' | 'SD' | 'NE' | 'VT') => {
    const envelope = rootEnvelope('DenialReportSubmitted.v1');
    return producer.send({
      topic: TOPICS.denialReportsSubmitted + suffix,
      messages: [
        {
          key: null,
          value: JSON.stringify({ type: 'DenialReportSubmitted.v1', report: aDenialReport({ state, deniedCode: '77003' }) }),
          headers: { ...envelopeToHeaders(envelope), [REPORTER_HEADER]: reporter },
        },
      ],
    });
  };
  const stored = async (state: string) =>
    (
      await h.query<{ n: number; reporters: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT reporter_hash)::int AS reporters FROM denial_report WHERE state = $1',
        [state],
      )
    )[0];
  const patterns = async (query: string) => {
    await waitForPublication(h, new Date());
    return (await getJson<{ status: string }>(`${h.svc.url}/v1/codes/77003/denial-patterns${query}`)).body;
  };

  it('dead-letters made-up, unknown, revoked and scope-less reporter ids as REPORTER_INVALID and counts none of them', async () => {
    const revoked = await mintTestKey(h.db.url, { owner: 'biller-revoked', scopes: ['reports:submit'] });
    await revoked.revoke();
    const submitter = await mintTestKey(h.db.url, { owner: 'biller-submitter', scopes: ['claims:submit', 'claims:read'] });
    const fakes = ['pm-system-biller-key-0042', randomUUID(), revoked.id, submitter.id, 'x'.repeat(200)];
    for (const fake of fakes) await publish(fake, 'ND');
    // A real key published after them proves the fakes were consumed (and refused), not still queued.
    await publish((await h.reporterKey('real')).id, 'SD');
    await waitFor(async () => (await stored('SD')).n === 1, { description: 'the real report stored', timeoutMs: 60_000, intervalMs: 200 });
    const refused = await waitFor(
      () => {
        const found = deadLetters().filter((d) => d.reason.code === 'REPORTER_INVALID');
        return found.length >= fakes.length ? found : false;
      },
      { description: 'five REPORTER_INVALID dead letters', timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(refused).toHaveLength(fakes.length);
    expect(await stored('ND')).toEqual({ n: 0, reporters: 0 });
    // The header (a key id) never reaches the dead-letter topic.
    for (const fake of fakes) expect(JSON.stringify(deadLetters())).not.toContain(fake);
  });

  it('counts five keys of one owner as one reporter, on Kafka and on HTTP, and publishes nothing for them', async () => {
    const keys = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        mintTestKey(h.db.url, { owner: 'one-organisation', name: `key ${i}`, scopes: ['reports:submit'] }),
      ),
    );
    for (const key of keys) await publish(key.id, 'NE');
    await waitFor(async () => (await stored('NE')).n === 5, { description: 'five NE reports', timeoutMs: 60_000, intervalMs: 200 });
    expect(await stored('NE')).toEqual({ n: 5, reporters: 1 });
    // Every report so far: this owner and the one real reporter of the first test, two billers.
    expect(await patterns('')).toMatchObject({ status: 'insufficient' });
    // The same owner on HTTP is the same reporter as on Kafka.
    const httpKey = await mintTestKey(h.db.url, { owner: 'one-organisation', name: 'web key', scopes: ['reports:submit'] });
    expect((await postJson(`${h.svc.url}/v1/denial-reports`, aDenialReport({ state: 'KS' }), httpKey.headers)).status).toBe(201);
    const [{ one }] = await h.query<{ one: boolean }>(
      `SELECT (SELECT DISTINCT reporter_hash FROM denial_report WHERE state = 'NE') =
              (SELECT reporter_hash FROM denial_report WHERE state = 'KS') AS one`,
    );
    expect(one).toBe(true);
    for (let i = 0; i < 4; i++) await publish((await h.reporterKey(`ne-${i}`)).id, 'NE');
    await waitFor(async () => (await stored('NE')).n === 9, { description: 'nine NE reports', timeoutMs: 60_000, intervalMs: 200 });
    expect(await stored('NE')).toEqual({ n: 9, reporters: 5 });
    expect(await patterns('')).toMatchObject({ status: 'ok' });
  });

  it('moves reports stored per key onto their owner, once', async () => {
    const keys = await Promise.all(
      Array.from({ length: 3 }, (_, i) => mintTestKey(h.db.url, { owner: 'legacy-org', name: `old ${i}`, scopes: ['reports:submit'] })),
    );
    for (const key of keys) await publish(key.id, 'VT');
    await waitFor(async () => (await stored('VT')).n === 3, { description: 'three VT reports', timeoutMs: 60_000, intervalMs: 200 });
    // As they were stored before reporters were owners: the keyed hash of each key id.
    const secret = new ReporterSecret({ FEEDBACK_REPORTER_SECRET: 'feedback-test-secret-never-stored-0123456789' });
    const rows = await h.query<{ id: string }>(`SELECT id FROM denial_report WHERE state = 'VT' ORDER BY seq`);
    for (const [i, row] of rows.entries())
      await h.query('UPDATE denial_report SET reporter_hash = $1 WHERE id = $2', [secret.legacyReporterOfKey(keys[i].id), row.id]);
    expect((await stored('VT')).reporters).toBe(3);
    const legacy = h.svc.app.get(LegacyReporters);
    expect(await legacy.moveOnce()).toBe(3);
    expect(await stored('VT')).toEqual({ n: 3, reporters: 1 });
    expect(await legacy.moveOnce()).toBe(0);
  });
});
