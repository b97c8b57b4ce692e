import { waitFor } from '@claimflow/testing';
import { LedgerJanitor, type JanitorOptions } from './ledger-janitor';
import type { RetentionStore } from './ledger-retention.repository';

/** Expired rows waiting per table; each call takes at most `limit`, and can be held open to test overlap. */
class MemoryRetention implements RetentionStore {
  inbox = 0;
  outbox = 0;
  calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  hold?: Promise<void>;
  failNext = false;

  forgetInboxOlderThan(retentionMs: number, limit: number): Promise<number> {
    return this.take('inbox', limit, `inbox<${retentionMs}`);
  }

  forgetSentOutbox(limit: number): Promise<number> {
    return this.take('outbox', limit, 'outbox');
  }

  private async take(table: 'inbox' | 'outbox', limit: number, call: string): Promise<number> {
    this.calls.push(call);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      await this.hold;
      if (this.failNext) {
        this.failNext = false;
        throw new Error('connection lost');
      }
      const n = Math.min(limit, this[table]);
      this[table] -= n;
      return n;
    } finally {
      this.inFlight--;
    }
  }
}

const options: JanitorOptions = { inboxRetentionMs: 7 * 86_400_000, intervalMs: 60_000, batchSize: 100 };

describe('LedgerJanitor', () => {
  let janitors: LedgerJanitor[] = [];
  const janitor = (store: RetentionStore, overrides: Partial<JanitorOptions> = {}, removed?: (t: string, n: number) => void) => {
    const j = new LedgerJanitor(store, { ...options, ...overrides }, removed);
    janitors.push(j);
    return j;
  };
  afterEach(async () => {
    await Promise.all(janitors.map((j) => j.stop()));
    janitors = [];
  });

  it('deletes in batches of batchSize until a batch comes back short, inbox then outbox, and reports each batch', async () => {
    const store = Object.assign(new MemoryRetention(), { inbox: 250, outbox: 100 });
    const removed: [string, number][] = [];
    const counts = await janitor(store, {}, (t, n) => removed.push([t, n])).sweep();

    expect(counts).toEqual({ inbox: 250, outbox: 100 });
    expect(store.calls).toEqual(['inbox<604800000', 'inbox<604800000', 'inbox<604800000', 'outbox', 'outbox']);
    expect(removed).toEqual([
      ['claim_inbox', 100],
      ['claim_inbox', 100],
      ['claim_inbox', 50],
      ['claim_outbox', 100],
    ]);
  });

  it('sweeps once at start without waiting for the interval, then every interval', async () => {
    const store = Object.assign(new MemoryRetention(), { inbox: 3 });
    const j = janitor(store, { intervalMs: 30 });
    j.start();
    await waitFor(() => store.inbox === 0, { description: 'the start-up sweep', timeoutMs: 1000 });
    store.inbox = 5;
    await waitFor(() => store.inbox === 0, { description: 'a periodic sweep', timeoutMs: 2000 });
  });

  it('never runs two statements at once: a sweep asked for while one runs joins it', async () => {
    const store = Object.assign(new MemoryRetention(), { inbox: 150 });
    let release!: () => void;
    store.hold = new Promise((resolve) => (release = resolve));
    const j = janitor(store, { intervalMs: 5 });
    j.start();
    await waitFor(() => store.calls.length === 1, { description: 'the first statement in flight' });
    const joined = j.sweep();
    release();
    expect(await joined).toEqual({ inbox: 150, outbox: 0 });
    expect(store.maxInFlight).toBe(1);
  });

  it('stops after the statement in flight and starts none afterwards', async () => {
    const store = Object.assign(new MemoryRetention(), { inbox: 1_000 });
    let release!: () => void;
    store.hold = new Promise((resolve) => (release = resolve));
    const j = janitor(store, { intervalMs: 5 });
    j.start();
    await waitFor(() => store.calls.length === 1, { description: 'the first statement in flight' });
    const stopped = j.stop();
    release();
    await stopped;
    expect(store.calls).toHaveLength(1);
    expect(store.inbox).toBe(900);
  });

  it('keeps going after a failed sweep: the next one deletes what was left', async () => {
    const store = Object.assign(new MemoryRetention(), { inbox: 10, failNext: true });
    janitor(store, { intervalMs: 20 }).start();
    await waitFor(() => store.inbox === 0, { description: 'the sweep after the failure', timeoutMs: 2000 });
    expect(store.calls.length).toBeGreaterThanOrEqual(2);
  });
});
