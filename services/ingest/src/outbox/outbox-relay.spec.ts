import { randomUUID } from 'node:crypto';
import { rootEnvelope } from '@claimflow/contracts';
import type { OutgoingMessage } from '@claimflow/kafka';
import { waitFor } from '@claimflow/testing';
import type { OutboxMessage, OutboxStore, PendingMessage } from './outbox-message';
import { OutboxRelay } from './outbox-relay';

/** The outbox table as the relay sees it: rows in write order, payloads as stored JSON text, removed only once publishing resolved. */
class MemoryOutbox implements OutboxStore {
  /** Every row ever written, in write order. */
  readonly written: PendingMessage[] = [];
  private readonly rows: PendingMessage[] = [];
  calls = 0;

  write(...messages: OutboxMessage[]): void {
    for (const m of messages) {
      const row = { ...m, position: BigInt(this.written.length + 1), payload: JSON.stringify(m.payload) };
      this.written.push(row);
      this.rows.push(row);
    }
  }

  async publishPending(limit: number, publish: (messages: readonly PendingMessage[]) => Promise<void>): Promise<number> {
    this.calls++;
    const batch = this.rows.slice(0, limit);
    if (batch.length === 0) return 0;
    await publish(batch);
    this.rows.splice(0, batch.length);
    return batch.length;
  }

  unsent(): number {
    return this.rows.length;
  }
}

/** A broker that can be down, recording what it accepted. */
class FakeBroker {
  readonly accepted: OutgoingMessage[] = [];
  down = false;
  async publish(...messages: OutgoingMessage[]): Promise<void> {
    if (this.down) throw new Error('broker unreachable');
    this.accepted.push(...messages);
  }
}

const message = (key: string, n: number): OutboxMessage => {
  const envelope = rootEnvelope('ClaimNormalized.v1');
  return { messageId: envelope.id, topic: 'claims.normalized.v1', key, envelope, payload: { n } };
};

const options = { batchSize: 4, pollMs: 20, maxBackoffMs: 40 };
const ids = (messages: readonly { envelope: { id: string } }[]) => messages.map((m) => m.envelope.id);

describe('OutboxRelay', () => {
  let relays: OutboxRelay[] = [];
  const relay = (store: OutboxStore, broker: FakeBroker) => {
    const r = new OutboxRelay(store, broker, options);
    relays.push(r);
    return r;
  };
  afterEach(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    relays = [];
  });

  it('sends what a crashed process committed but never published, once each, in the order written per claim', async () => {
    const outbox = new MemoryOutbox();
    const claims = Array.from({ length: 5 }, () => randomUUID());
    // The previous process committed these and died before its relay ran.
    for (let n = 0; n < 3; n++) outbox.write(...claims.map((c) => message(c, n)));
    const broker = new FakeBroker();

    relay(outbox, broker).start();
    await waitFor(() => outbox.unsent() === 0, { description: 'the outbox drained', timeoutMs: 5000 });

    expect(ids(broker.accepted)).toEqual(ids(outbox.written));
    expect(new Set(ids(broker.accepted)).size).toBe(broker.accepted.length);
    for (const claim of claims)
      expect(broker.accepted.filter((m) => m.key === claim).map((m) => (JSON.parse(m.value as string) as { n: number }).n)).toEqual([
        0, 1, 2,
      ]);
  });

  it('keeps rows while the broker is down and sends each once when it is back', async () => {
    const outbox = new MemoryOutbox();
    const broker = new FakeBroker();
    broker.down = true;
    const r = relay(outbox, broker);
    r.start();
    outbox.write(message('a', 0), message('b', 0), message('a', 1));
    r.wake();
    await waitFor(() => outbox.unsent() === 3 && broker.accepted.length === 0, { description: 'nothing sent while down' });

    broker.down = false;
    outbox.write(message('b', 1));
    await waitFor(() => outbox.unsent() === 0, { description: 'the outbox drained after the outage', timeoutMs: 5000 });
    expect(ids(broker.accepted)).toEqual(ids(outbox.written));
  });

  it('publishes a row written after start at once when woken, without waiting for the poll', async () => {
    const outbox = new MemoryOutbox();
    const broker = new FakeBroker();
    const r = new OutboxRelay(outbox, broker, { ...options, pollMs: 60_000 });
    relays.push(r);
    r.start();
    await waitFor(() => outbox.calls > 0, { description: 'the relay found the outbox empty' });
    outbox.write(message('c', 0));
    r.wake();
    await waitFor(() => broker.accepted.length === 1, { description: 'the woken relay published', timeoutMs: 2000 });
  });

  it('republishes a batch under the same message ids when the process died between publishing and removing it', async () => {
    const outbox = new MemoryOutbox();
    outbox.write(message('d', 0), message('d', 1));
    const broker = new FakeBroker();
    // First process: the broker took the batch, then the process died before its rows were deleted.
    await expect(
      outbox.publishPending(10, async (batch) => {
        await broker.publish(...batch.map((m) => ({ topic: m.topic, key: m.key, envelope: m.envelope, value: m.payload })));
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');

    relay(outbox, broker).start();
    await waitFor(() => outbox.unsent() === 0, { description: 'the restarted relay drained the outbox' });
    // At least once on the wire; consumers recognise the repeat by its message id.
    expect(ids(broker.accepted)).toEqual([...ids(outbox.written), ...ids(outbox.written)]);
  });
});
