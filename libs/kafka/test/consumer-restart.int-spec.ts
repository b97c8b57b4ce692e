import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
  type Admin,
  type Producer,
} from 'kafkajs';
import { kafkaClientSecurity, startInfra, uniqueSuffix, waitFor, type Infra } from '@claimflow/testing';
import { ClaimflowConsumer, ConsumerGroupState } from '../src';

/**
 * A consumer kafkajs gives up on (an error it counts as not retriable) comes back by itself once the fault is
 * gone, with no restart of the process. Here, on the real secured broker, the fault is Kafka's own: the feedback
 * principal may read the topic but not use the group (GROUP_AUTHORIZATION_FAILED), until the test grants the group
 * by ACL. The same path restarts a consumer after KafkaJSGroupCoordinatorNotFound (a broker just started; it kept a
 * CI ingest unready for 180 s).
 */
describe('ClaimflowConsumer after a crash kafkajs does not restart from', () => {
  let infra: Infra;
  let admin: Admin;
  let producer: Producer;
  const suffix = `.restart-${uniqueSuffix()}`;
  const topic = `denial-reports.submitted.v1${suffix}`;
  const groupId = `restart-test${suffix}`;
  const groupAcl = {
    principal: 'User:feedback',
    host: '*',
    resourceType: AclResourceTypes.GROUP,
    resourceName: groupId,
    resourcePatternType: ResourcePatternTypes.LITERAL,
    operation: AclOperationTypes.READ,
    permissionType: AclPermissionTypes.ALLOW,
  };

  beforeAll(async () => {
    infra = await startInfra();
    const kafka = new Kafka({
      clientId: 'restart-admin',
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
      ...kafkaClientSecurity('admin', infra.kafkaBrokers),
    });
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await admin?.deleteAcls({ filters: [groupAcl] }).catch(() => undefined);
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    await infra?.stop();
  });

  it('is not a member while the group is denied, and consumes once an ACL grants it', async () => {
    const brokers = infra.kafkaBrokers;
    const kafka = new Kafka({ clientId: 'restart-test', brokers, logLevel: logLevel.NOTHING, ...kafkaClientSecurity('feedback', brokers) });
    const membership = new ConsumerGroupState();
    const warnings: string[] = [];
    const received: string[] = [];
    const consumer = new ClaimflowConsumer({
      kafka,
      config: { groupId, maxWaitTimeInMs: 250 },
      fromBeginning: true,
      patterns: ['denial-reports.submitted.v1'],
      layout: { suffix, partitions: 1 },
      handle: async ({ message }) => void received.push(String(message.value)),
      membership,
      logger: { log: () => undefined, warn: (message) => void warnings.push(message) },
    });
    try {
      await consumer.init();
      await consumer.start();
      // Two crashes: the first, and the restart a second later, still denied.
      await waitFor(() => warnings.filter((w) => w.includes('starting it again')).length >= 2, {
        description: 'the denied consumer crashed and was started again',
        timeoutMs: 20_000,
        intervalMs: 100,
      });
      expect(membership.status).not.toBe('member');
      expect(warnings[0]).toMatch(/^consumer stopped by KafkaJS\w+: .+; starting it again$/);

      await admin.createAcls({ acl: [groupAcl] });
      await producer.send({ topic, messages: [{ key: 'k', value: 'after the grant' }] });
      // Restarts back off 1, 2, 4, 8 s: within 30 s of the grant one has run.
      await waitFor(() => received.includes('after the grant'), {
        description: 'the message consumed after the grant',
        timeoutMs: 30_000,
        intervalMs: 100,
      });
      expect(membership.status).toBe('member');
    } finally {
      await consumer.close();
    }
  }, 60_000);
});
