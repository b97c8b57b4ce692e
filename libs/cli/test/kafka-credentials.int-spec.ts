import { Kafka, logLevel, type Consumer, type KafkaConfig } from 'kafkajs';
import { kafkaClientSecurity, startInfra, TopicRecorder, uniqueSuffix, waitFor, type Infra } from '@claimflow/testing';
import { kafkaCredentialsCommand } from '../src/commands/kafka-credentials.command';
import type { OwnerCredentials as Credentials } from '../src/commands/kafka-owner-access';

/** `claimflow kafka-credentials` against the secured broker: each owner's principal reaches its own two topics only. */
describe('claimflow kafka-credentials (the secured broker)', () => {
  const suffix = `.cli-${uniqueSuffix()}`;
  const [ownerA, ownerB] = [`clinic-a-${uniqueSuffix()}`, `clinic-b-${uniqueSuffix()}`];
  const saved = { ...process.env };
  let infra: Infra;
  let a: Credentials;
  let b: Credentials;
  let observer: TopicRecorder;
  const consumers: Consumer[] = [];

  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await kafkaCredentialsCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: process.cwd() });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  // Exactly what the PM system is given, nothing from the test's own credentials; fail fast on refusals.
  const clientOf = (c: Credentials, extra: Partial<KafkaConfig> = {}) =>
    new Kafka({ clientId: c.owner, brokers: [...c.brokers], ssl: { ca: [c.ssl.ca] }, sasl: c.sasl, logLevel: logLevel.NOTHING, ...extra });
  const adminProducer = async (topic: string, key: string) => {
    const security = kafkaClientSecurity('admin', infra.kafkaBrokers);
    const producer = new Kafka({ clientId: 'observer', brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING, ...security }).producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key, value: '{}' }] });
    await producer.disconnect();
  };

  beforeAll(async () => {
    infra = await startInfra();
    Object.assign(process.env, { KAFKA_BROKERS: infra.kafkaBrokers.join(','), TOPIC_SUFFIX: suffix, KAFKA_PARTITIONS: '1' });
    const created = [await run('create', '--owner', ownerA, '--json'), await run('create', '--owner', ownerB, '--json')];
    for (const c of created) expect(c).toMatchObject({ code: 0, err: '' });
    [a, b] = created.map((c) => JSON.parse(c.out) as Credentials);
    observer = await TopicRecorder.start(infra.kafkaBrokers, [a.topics.submit, b.topics.submit, b.topics.results], `cli-observer${suffix}`);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
    await observer?.stop();
    await run('revoke', '--owner', ownerB);
    process.env = saved;
    await infra?.stop();
  });

  it('prints the owner, brokers, SCRAM user and password, the CA and its two topics (a new owner gets ClaimResult.v2)', () => {
    expect(a).toMatchObject({
      owner: ownerA,
      brokers: infra.kafkaBrokers,
      sasl: { mechanism: 'scram-sha-512', username: `pm.${ownerA}` },
      topics: { submit: `claims.submitted.v1.${ownerA}${suffix}`, results: `claims.results.v2.${ownerA}${suffix}` },
      resultsVersion: 'v2',
      consumerGroupPrefix: `claimflow.pm.${ownerA}.`,
    });
    expect(a.sasl.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.sasl.password).not.toBe(b.sasl.password);
    expect(a.ssl.ca).toContain('-----BEGIN CERTIFICATE-----');
  });

  it("lets A write its own submit topic, and refuses A's writes to B's (authorisation error, nothing delivered)", async () => {
    const producer = clientOf(a).producer();
    await producer.connect();
    try {
      await producer.send({ topic: a.topics.submit, messages: [{ key: 'mine', value: '{}' }] });
      await expect(producer.send({ topic: b.topics.submit, messages: [{ key: 'forged', value: '{}' }] })).rejects.toThrow(/authoriz/i);
    } finally {
      await producer.disconnect();
    }
    const marker = `marker-${uniqueSuffix()}`;
    await adminProducer(b.topics.submit, marker);
    await waitFor(() => observer.on(b.topics.submit).some((m) => m.key === marker), { description: "the marker on B's topic" });
    expect(observer.on(b.topics.submit).map((m) => m.key)).toEqual([marker]);
    await waitFor(() => observer.on(a.topics.submit).some((m) => m.key === 'mine'), { description: "A's message on A's topic" });
  });

  it("lets A read its own results in its own group, and refuses A a read of B's results", async () => {
    await adminProducer(a.topics.results, 'result-a');
    await adminProducer(b.topics.results, 'result-b');
    const received: string[] = [];
    const own = clientOf(a).consumer({ groupId: `${a.consumerGroupPrefix}results` });
    consumers.push(own);
    await own.connect();
    await own.subscribe({ topics: [a.topics.results], fromBeginning: true });
    await own.run({ eachMessage: async ({ message }) => void received.push(String(message.key)) });
    await waitFor(() => received.includes('result-a'), { description: "A's result read by A", timeoutMs: 60_000 });

    const intruder = clientOf(a).consumer({ groupId: `${a.consumerGroupPrefix}peek` });
    consumers.push(intruder);
    await intruder.connect();
    await expect(intruder.subscribe({ topics: [b.topics.results], fromBeginning: true })).rejects.toThrow(/authoriz/i);
    expect(received).not.toContain('result-b');
  });

  it('lists the owners with credentials, their topics and ACLs; refuses an owner that cannot name a topic', async () => {
    const listed = JSON.parse((await run('list', '--json')).out) as { owner: string; acls: string[] }[];
    const mine = listed.find((o) => o.owner === ownerA);
    expect(mine?.acls).toEqual(
      [`READ GROUP:claimflow.pm.${ownerA}.`, `READ TOPIC:${a.topics.results}`, `WRITE TOPIC:${a.topics.submit}`].sort(),
    );
    expect(await run('create', '--owner', 'clinic.a')).toMatchObject({ code: 2, err: expect.stringContaining('--owner') });
    expect(await run('create')).toMatchObject({ code: 2 });
    // upgrade-results moves an owner that has credentials; for any other it creates nothing.
    expect(await run('upgrade-results', '--owner', `nobody-${ownerA}`)).toMatchObject({
      code: 1,
      err: expect.stringContaining('no Kafka credentials'),
    });
  });

  it("revokes A: its password signs nobody in, its ACLs are gone, and B's credentials still work", async () => {
    const revoked = await run('revoke', '--owner', ownerA);
    expect(revoked).toMatchObject({ code: 0, out: expect.stringContaining('3 ACL(s) removed') });
    const admin = clientOf(a, { retry: { retries: 0 } }).admin();
    await expect(admin.connect()).rejects.toThrow(/authentication|SASL/i);
    const listed = JSON.parse((await run('list', '--json')).out) as { owner: string }[];
    expect(listed.map((o) => o.owner)).not.toContain(ownerA);
    expect(await run('revoke', '--owner', ownerA)).toMatchObject({ code: 1 });
    const stillB = clientOf(b).producer();
    await stillB.connect();
    await stillB.send({ topic: b.topics.submit, messages: [{ key: 'b-after', value: '{}' }] });
    await stillB.disconnect();
  });
});
