import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { HEADERS, TOPICS, rootEnvelope } from '@claimflow/contracts';
import { LedgerDb } from '@claimflow/db-ledger';
import { EventPublisher, TopicResolver } from '@claimflow/kafka';
import {
  TopicRecorder,
  createTestDatabase,
  kafkaClientSecurity,
  startInfra,
  uniqueSuffix,
  waitFor,
  type Infra,
  type TestDatabase,
} from '@claimflow/testing';
import { ClaimOutboxRepository } from '../src/outbox/claim-outbox.repository';
import type { OutboxMessage, PendingMessage } from '../src/outbox/outbox-message';

/** The relay's store on real Postgres (as ingest's role), publishing through the real producer to the shared broker. */
describe('claim outbox (real Postgres and Kafka)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let prisma: LedgerDb;
  let sql: Client;
  let publisher: EventPublisher;
  let recorder: TopicRecorder;
  let outbox: ClaimOutboxRepository;
  const suffix = `.outbox-${uniqueSuffix()}`;
  const topic = TOPICS.claimsNormalized + suffix;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    prisma = new LedgerDb(db.urls.ingest);
    outbox = new ClaimOutboxRepository(prisma);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    // The relay publishes as ingest's own principal (its ACLs allow claims.normalized.v1).
    const security = kafkaClientSecurity('ingest', infra.kafkaBrokers);
    const kafka = new Kafka({ clientId: `outbox-test${suffix}`, brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING, ...security });
    const options = { brokers: infra.kafkaBrokers, clientId: 'outbox-test', topicSuffix: suffix, groupId: `outbox-test${suffix}` };
    publisher = new EventPublisher(kafka, new TopicResolver(options));
    // One partition: the topic's order is the order the relay published in.
    recorder = await TopicRecorder.start(infra.kafkaBrokers, [topic], `outbox-recorder${suffix}`);
  });

  afterAll(async () => {
    await recorder?.stop();
    await publisher?.onApplicationShutdown();
    await prisma?.$disconnect();
    await sql?.end();
    await db?.drop();
    await infra?.stop();
  });

  beforeEach(() => sql.query('DELETE FROM ledger.claim_outbox'));

  /** Written as the ledger writes them: Prisma, jsonb payloads. */
  const write = async (...payloads: { claim: string; [k: string]: unknown }[]): Promise<OutboxMessage[]> => {
    const messages = payloads.map((payload) => {
      const envelope = rootEnvelope('ClaimNormalized.v1');
      return { messageId: envelope.id, topic: TOPICS.claimsNormalized, key: payload.claim, envelope, payload };
    });
    await prisma.claimOutbox.createMany({
      data: messages.map((m) => ({ ...m, envelope: { ...m.envelope }, payload: m.payload as object })),
    });
    return messages;
  };
  const rows = async () =>
    (await sql.query<{ message_id: string; sent_at: Date | null }>('SELECT message_id, sent_at FROM ledger.claim_outbox ORDER BY id')).rows;
  const publish = (batch: readonly PendingMessage[]) =>
    publisher.publish(...batch.map((m) => ({ topic: m.topic, key: m.key, envelope: m.envelope, value: m.payload })));
  const onTopic = (ids: readonly string[]) => recorder.on(topic).filter((m) => ids.includes(m.headers[HEADERS.id]));
  const idsOf = (messages: readonly { messageId: string }[]) => messages.map((m) => m.messageId);

  it('publishes unsent rows in the order written, the stored JSON as the value, and deletes exactly those rows', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    // Text, numbers and nesting that JSON must carry unchanged; keys in no particular order.
    const written = await write(
      ...[0, 1, 2].flatMap((n) =>
        [a, b, c].map((claim) => ({ claim, n, note: 'Ünïcødé "quoted" \\ line\nbreak', lines: [{ units: 1.5 }] })),
      ),
    );
    const ids = idsOf(written);
    const stored = (await sql.query<{ text: string }>('SELECT payload::text AS text FROM ledger.claim_outbox ORDER BY id')).rows;

    expect(await outbox.publishPending(5, publish)).toBe(5);
    // The first five are gone, the rest waits for the next batch.
    expect((await rows()).map((r) => r.message_id)).toEqual(ids.slice(5));
    expect(await outbox.unsent()).toBe(4);
    expect(await outbox.publishPending(5, publish)).toBe(4);
    expect(await rows()).toEqual([]);
    expect(await outbox.publishPending(5, publish)).toBe(0);

    const received = await waitFor(() => onTopic(ids).length === ids.length && onTopic(ids), {
      description: 'every outbox message on the topic',
      timeoutMs: 30_000,
    });
    expect(received.map((m) => m.headers[HEADERS.id])).toEqual(ids);
    received.forEach((m, i) => {
      expect(m.key).toBe(written[i]!.key);
      // The bytes Postgres stores, not a re-serialisation of them.
      expect(m.value?.toString()).toBe(stored[i]!.text);
      expect(m.json()).toEqual(written[i]!.payload);
    });
    for (const claim of [a, b, c]) expect(received.filter((m) => m.key === claim).map((m) => m.json<{ n: number }>().n)).toEqual([0, 1, 2]);
  });

  it('publishes by position across a new digit of the ids (99 before 100), never by their text', async () => {
    await sql.query(`SELECT setval(pg_get_serial_sequence('ledger.claim_outbox', 'id'), 97)`);
    const written = await write(...[0, 1, 2, 3].map((n) => ({ claim: randomUUID(), n })));
    const positions = (await sql.query<{ id: string }>('SELECT id FROM ledger.claim_outbox ORDER BY id')).rows.map((r) => r.id);
    expect(positions).toEqual(['98', '99', '100', '101']);
    const taken: bigint[][] = [];
    const take = async (batch: readonly PendingMessage[]) => void taken.push(batch.map((m) => m.position));
    expect(await outbox.publishPending(2, take)).toBe(2);
    expect((await rows()).map((r) => r.message_id)).toEqual(idsOf(written).slice(2));
    expect(await outbox.publishPending(2, take)).toBe(2);
    expect(taken).toEqual([
      [98n, 99n],
      [100n, 101n],
    ]);
  });

  it('removes nothing when publishing fails, even after the broker took the batch, and sends it again under the same ids', async () => {
    const claim = randomUUID();
    const written = await write({ claim, n: 0 }, { claim, n: 1 }, { claim, n: 2 });
    const ids = idsOf(written);

    await expect(outbox.publishPending(10, () => Promise.reject(new Error('broker unreachable')))).rejects.toThrow('broker unreachable');
    expect((await rows()).map((r) => r.message_id)).toEqual(ids);
    // The broker took the batch, then the process "died" before the transaction deleted the rows.
    await expect(
      outbox.publishPending(10, async (batch) => {
        await publish(batch);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await rows()).toEqual(ids.map((message_id) => ({ message_id, sent_at: null })));

    expect(await outbox.publishPending(10, publish)).toBe(3);
    expect(await rows()).toEqual([]);
    // At least once on the wire, in order both times; consumers recognise the repeat by its message id.
    const received = await waitFor(() => onTopic(ids).length === 6 && onTopic(ids), { description: 'both sends', timeoutMs: 30_000 });
    expect(received.map((m) => m.headers[HEADERS.id])).toEqual([...ids, ...ids]);
  });

  it('leaves the outbox to the relay holding it: a second relay publishes and deletes nothing meanwhile', async () => {
    const written = await write({ claim: randomUUID(), n: 0 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const first = outbox.publishPending(10, async (batch) => {
      started = true;
      await held;
      await publish(batch);
    });
    await waitFor(() => started, { description: 'the first relay publishing' });

    const second = new ClaimOutboxRepository(prisma);
    const seen: PendingMessage[] = [];
    expect(await second.publishPending(10, async (batch) => void seen.push(...batch))).toBe(0);
    expect(seen).toEqual([]);
    expect((await rows()).map((r) => r.message_id)).toEqual(idsOf(written));

    release();
    expect(await first).toBe(1);
    expect(await rows()).toEqual([]);
  });

  it('does not send again, nor delete, rows an earlier relay marked sent', async () => {
    const [sent] = await write({ claim: randomUUID(), n: 0 });
    await sql.query('UPDATE ledger.claim_outbox SET sent_at = now() WHERE message_id = $1', [sent!.messageId]);
    const [owed] = await write({ claim: randomUUID(), n: 1 });

    const seen: PendingMessage[] = [];
    expect(await outbox.publishPending(10, async (batch) => void seen.push(...batch))).toBe(1);
    expect(idsOf(seen)).toEqual([owed!.messageId]);
    expect((await rows()).map((r) => r.message_id)).toEqual([sent!.messageId]);
    expect(await outbox.unsent()).toBe(0);
  });
});
