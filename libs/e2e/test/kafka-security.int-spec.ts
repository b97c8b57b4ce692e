import { createServer, type Server } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import { OWNER_TOPICS, ownerTopic, TOPICS } from '@claimflow/contracts';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { WebConfigSchema } from '@claimflow/service-web';
import {
  TopicRecorder,
  kafkaClientSecurity,
  kafkaCredentialsFile,
  startInfra,
  uniqueSuffix,
  waitFor,
  type Infra,
} from '@claimflow/testing';
import { webService } from '@claimflow/service-web';

/**
 * The broker trusts no one by default (issue #24): the secured listener refuses clients without valid credentials, and
 * a service principal can do only what its ACLs (scripts/kafka/acls.mjs) allow. The outsider here has network access.
 */
describe('Kafka authentication and authorisation (the secured listener)', () => {
  let infra: Infra;
  let recorder: TopicRecorder;
  const suffix = `.security-${uniqueSuffix()}`;
  const priced = TOPICS.claimsPriced + suffix;
  // A practice's own submit topic (claims.submitted.v1.<owner>); the shared claims.submitted.v1 is not used.
  const submitted = ownerTopic(OWNER_TOPICS.claimsSubmitted, 'clinic-x') + suffix;
  const normalized = TOPICS.claimsNormalized + suffix;
  // Fail fast: one attempt, no retries, so a refusal shows as the first error.
  const client = (extra: Partial<KafkaConfig> = {}) =>
    new Kafka({
      clientId: 'outsider',
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      connectionTimeout: 5000,
      ...extra,
    });
  const as = (principal: string) => client({ clientId: principal, ...kafkaClientSecurity(principal, infra.kafkaBrokers) });
  const message = { key: 'forged', value: JSON.stringify({ claimId: 'forged' }) };

  beforeAll(async () => {
    infra = await startInfra();
    recorder = await TopicRecorder.start(infra.kafkaBrokers, [priced, submitted, normalized], `security-recorder${suffix}`);
  });
  afterAll(async () => recorder?.stop());

  /** Nothing reached the topic: an admin marker published after the refusal is the only message on it. */
  const onlyMarkerOn = async (topic: string) => {
    const marker = `marker-${uniqueSuffix()}`;
    const producer = as('admin').producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: marker, value: '{}' }] });
    await producer.disconnect();
    await waitFor(() => recorder.on(topic).some((m) => m.key === marker), { timeoutMs: 15_000, description: `marker on ${topic}` });
    expect(recorder.on(topic).map((m) => m.key)).toEqual([marker]);
  };

  describe('without valid credentials nothing connects', () => {
    it('refuses a client with no credentials (plain TCP): admin, producer and consumer', async () => {
      const anonymous = client();
      await expect(anonymous.admin().connect()).rejects.toThrow(/Closed connection|Connection error|ECONNRESET/);
      await expect(anonymous.producer().connect()).rejects.toThrow(/Closed connection|Connection error|ECONNRESET/);
      await expect(anonymous.consumer({ groupId: `anonymous${suffix}` }).connect()).rejects.toThrow(
        /Closed connection|Connection error|ECONNRESET/,
      );
    });

    it('refuses TLS without SASL, and a certificate it does not trust', async () => {
      const { ssl } = kafkaClientSecurity('admin', infra.kafkaBrokers);
      // TLS alone gets a connection but no request is served before SASL: the send fails, nothing is delivered (see below).
      const tlsOnly = client({ ssl }).producer();
      await expect(tlsOnly.connect().then(() => tlsOnly.send({ topic: submitted, messages: [message] }))).rejects.toThrow();
      await tlsOnly.disconnect();
      const { sasl } = kafkaClientSecurity('admin', infra.kafkaBrokers);
      // The system CAs do not know the local CA: the client refuses the broker (no secret is sent to an impostor).
      await expect(client({ ssl: true, sasl }).admin().connect()).rejects.toThrow(/certificate/i);
    });

    it('refuses a wrong password and an unknown user, as SASL authentication failures', async () => {
      const { ssl, sasl } = kafkaClientSecurity('ingest', infra.kafkaBrokers);
      const wrong = { ...sasl, password: `${(sasl as { password: string }).password}x` } as KafkaConfig['sasl'];
      await expect(client({ ssl, sasl: wrong }).producer().connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
      const stranger = { mechanism: 'scram-sha-512', username: 'mallory', password: 'guessed' } as KafkaConfig['sasl'];
      await expect(
        client({ ssl, sasl: stranger })
          .consumer({ groupId: `mallory${suffix}` })
          .connect(),
      ).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
      await expect(client({ ssl, sasl: stranger }).admin().connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
    });
  });

  describe('a service principal does only what its ACLs allow', () => {
    it('refuses a write outside its topics (validator forging a priced claim, pricing a submitted one); nothing is delivered', async () => {
      for (const [principal, topic] of [
        ['validator', priced],
        ['pricing', submitted],
        ['feedback', priced],
      ] as const) {
        const producer = as(principal).producer();
        await producer.connect();
        await expect(producer.send({ topic, messages: [message] })).rejects.toThrow(/Not authorized to access topics/);
        await producer.disconnect();
      }
      await onlyMarkerOn(priced);
      await onlyMarkerOn(submitted);
    });

    it("refuses reading another service's topic (feedback reading priced claims)", async () => {
      const admin = as('feedback').admin();
      await admin.connect();
      await expect(admin.fetchTopicOffsets(priced)).rejects.toThrow(/Not authorized to access topics/);
      await admin.disconnect();
    });

    it("refuses joining another service's consumer group, and lets each join its own", async () => {
      const join = async (principal: string, groupId: string) => {
        // kafkajs reports a refused FindCoordinator as "coordinator not found"; the broker's own answer is in its debug log.
        const refusals: string[] = [];
        const logCreator = () => (entry: LogEntry) => {
          const type = (entry.log as { error?: { type?: string } }).error?.type;
          if (type?.endsWith('AUTHORIZATION_FAILED')) refusals.push(type);
        };
        const kafka = client({
          clientId: principal,
          ...kafkaClientSecurity(principal, infra.kafkaBrokers),
          logLevel: logLevel.DEBUG,
          logCreator,
        });
        const consumer = kafka.consumer({ groupId, retry: { retries: 0 } });
        const crashed = new Promise<string>((resolve) => consumer.on(consumer.events.CRASH, ({ payload }) => resolve(payload.error.name)));
        const joined = new Promise<string>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve('joined')));
        await consumer.connect();
        await consumer.subscribe({ topics: [normalized] });
        await consumer.run({ eachMessage: async () => undefined });
        const outcome = await Promise.race([crashed, joined]);
        await consumer.disconnect();
        return { outcome, refusals: [...new Set(refusals)] };
      };
      // validator reads claims.normalized.v2 but may not use pricing's group (it would take pricing's partitions).
      expect(await join('validator', `claimflow-pricing${suffix}`)).toEqual({
        outcome: 'KafkaJSGroupCoordinatorNotFound',
        refusals: ['GROUP_AUTHORIZATION_FAILED'],
      });
      expect(await join('validator', `claimflow-validator${suffix}`)).toEqual({ outcome: 'joined', refusals: [] });
    });
  });

  describe('web has no Kafka access at all', () => {
    let web: INestApplication;
    let listener: Server;
    let connections = 0;

    beforeAll(async () => {
      // A stand-in broker address that counts every connection web might open.
      listener = createServer((socket) => (connections++, socket.destroy()));
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      const port = (listener.address() as { port: number }).port;
      const config = parseConfig(WebConfigSchema, {
        PORT: '0',
        LOG_LEVEL: 'silent',
        KAFKA_BROKERS: `127.0.0.1:${port}`,
        REFDATA_FALLBACK: 'latest',
      });
      web = await startConfiguredService(webService, config);
    });
    afterAll(async () => {
      await web?.close();
      await new Promise((resolve) => listener?.close(resolve));
    });

    it('has no principal in the credentials, no Kafka settings, and opens no connection to a broker', async () => {
      expect(() => kafkaClientSecurity('web', infra.kafkaBrokers)).toThrow(
        `no Kafka principal "web" in ${kafkaCredentialsFile(infra.kafkaBrokers)}`,
      );
      expect(Object.keys(parseConfig(WebConfigSchema, {})).filter((key) => /^KAFKA_(SASL|SSL)/.test(key))).toEqual([]);
      // Started and answering (a Kafka client would have connected during start-up): not one connection to the broker.
      const base = (await web.getUrl()).replace('[::1]', '127.0.0.1');
      expect((await fetch(`${base}/v1/codes/99213`)).status).toBeGreaterThanOrEqual(200);
      expect(connections).toBe(0);
    });
  });
});
