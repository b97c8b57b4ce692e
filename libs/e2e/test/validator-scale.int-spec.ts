import type { INestApplication } from '@nestjs/common';
import { AssignerProtocol, Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { TOPICS } from '@claimflow/contracts';
import { startService } from '@claimflow/runtime';
import { INGEST_SERVICE } from '@claimflow/service-ingest';
import { VALIDATOR_GROUP, VALIDATOR_SERVICE, ValidateClaimHandler } from '@claimflow/service-validator';
import {
  TopicRecorder,
  createTestDatabase,
  startInfra,
  uniqueSuffix,
  waitFor,
  type Infra,
  type TestDatabase,
  kafkaClientSecurity,
  kafkaServiceEnv,
} from '@claimflow/testing';
import { scenario } from './support/fixtures';
import { createOwnerTopics } from './support/owner-topics';

const PARTITIONS = 6;
const CLAIMS = 60;

/** Two validator instances in one consumer group share claims.normalized.v1; each claim is validated once. */
describe('validator scaled out to two instances (real Kafka and Postgres)', () => {
  const suffix = `.scale-${uniqueSuffix()}`;
  let submitTopic = '';
  const group = VALIDATOR_GROUP + suffix;
  const normalized = TOPICS.claimsNormalized + suffix;
  let infra: Infra;
  let db: TestDatabase;
  let recorder: TopicRecorder;
  let admin: Admin;
  let producer: Producer;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    const common = {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      TOPIC_SUFFIX: suffix,
      KAFKA_PARTITIONS: String(PARTITIONS),
      PORT: '0',
      LOG_LEVEL: 'warn',
      REFDATA_FALLBACK: 'latest',
      NODE_ENV: 'test',
    };
    submitTopic = (await createOwnerTopics(infra.kafkaBrokers, 'scale', suffix, PARTITIONS)).submit;
    const validator = { ...common, ...kafkaServiceEnv('validator', infra.kafkaBrokers) };
    apps.push(await startService(INGEST_SERVICE, { ...common, ...kafkaServiceEnv('ingest', infra.kafkaBrokers), DATABASE_URL: db.url }));
    apps.push(await startService(VALIDATOR_SERVICE, validator), await startService(VALIDATOR_SERVICE, validator));
    recorder = await TopicRecorder.start(infra.kafkaBrokers, [TOPICS.claimsValidated + suffix], `scale-recorder${suffix}`, PARTITIONS);
    const security = kafkaClientSecurity('admin', infra.kafkaBrokers);
    const kafka = new Kafka({ clientId: 'scale-test', brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING, ...security });
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    await Promise.all(apps.map((app) => app.close()));
    await recorder?.stop();
    await db?.drop();
    await infra?.stop();
  });

  /** Partitions of claims.normalized.v1 assigned to each member of the validators' group, once it is stable. */
  const assignments = async () => {
    const { groups } = await admin.describeGroups([group]);
    const [state] = groups;
    if (state?.state !== 'Stable') return false;
    return state.members.map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[normalized] ?? []);
  };

  it('creates the topics with KAFKA_PARTITIONS, shares them between both instances and validates every claim once', async () => {
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [normalized] })).topics;
    expect(metadata.partitions).toHaveLength(PARTITIONS);

    const shared = await waitFor(
      async () => {
        const members = await assignments();
        return members && members.length === 2 && members.every((p) => p.length > 0) && members;
      },
      { description: 'both validators holding partitions of claims.normalized.v1', timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(shared.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: PARTITIONS }, (_, i) => i));

    const handled = apps.slice(1).map((app) => jest.spyOn(app.get(ValidateClaimHandler), 'onNormalized'));
    const body = scenario('nasoenteric-44500-76000');
    await producer.send({
      topic: submitTopic,
      messages: Array.from({ length: CLAIMS }, (_, n) => ({
        key: `SCALE-${n}`,
        value: body.replace(/"submitterClaimId":\s*"[^"]*"/, `"submitterClaimId": "SCALE-${n}"`),
        headers: { 'content-type': 'application/json', 'cf-correlation-id': `scale-${n}${suffix}` },
      })),
    });

    await waitFor(() => recorder.messages.length >= CLAIMS, { description: `${CLAIMS} claims validated`, timeoutMs: 90_000 });
    const perClaim = new Map<string, number>();
    for (const m of recorder.messages) perClaim.set(m.key!, (perClaim.get(m.key!) ?? 0) + 1);
    const correlations = new Set(recorder.messages.map((m) => m.headers['cf-correlation-id']));
    expect(correlations.size).toBe(CLAIMS);
    expect(perClaim.size).toBe(CLAIMS);
    expect([...perClaim.values()].every((n) => n === 1)).toBe(true);
    const calls = handled.map((spy) => spy.mock.calls.length);
    expect(calls.every((n) => n > 0)).toBe(true);
    expect(calls[0] + calls[1]).toBe(CLAIMS);
  });
});
