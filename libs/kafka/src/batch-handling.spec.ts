import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { handleBatch, heldBack } from './batch-handling';
import { packRecords } from '@claimflow/contracts';
import { SingleFlight } from './single-flight';

const NOW = 1_000_000;
const message = (offset: number, ageMs: number): KafkaMessage =>
  ({ offset: String(offset), timestamp: String(NOW - ageMs), key: Buffer.from(`k${offset}`), value: null }) as KafkaMessage;

describe('heldBack', () => {
  it('handles everything at once when nothing is held back', () => {
    expect(heldBack([message(0, 0), message(1, 0)], 0, NOW)).toEqual({ ripe: 2, waitMs: 0 });
  });

  it('handles the messages old enough, up to the first that is not, and waits until the youngest after it is old enough', () => {
    const messages = [message(0, 5_000), message(1, 2_500), message(2, 1_200), message(3, 3_000), message(4, 1_500)];
    expect(heldBack(messages, 2_000, NOW)).toEqual({ ripe: 2, waitMs: 800 });
    // Fetched again then, the whole rest is ripe at once: not one fetch for each message that ripens.
    expect(heldBack(messages.slice(2), 2_000, NOW + 800)).toEqual({ ripe: 3, waitMs: 0 });
    expect(heldBack([message(0, 1_900), message(1, 1_000), message(2, 100)], 2_000, NOW)).toEqual({ ripe: 0, waitMs: 1_900 });
    // Timestamps out of order (producers' clocks) still wait for the youngest.
    expect(heldBack([message(0, 1_900), message(1, 100), message(2, 1_000)], 2_000, NOW)).toEqual({ ripe: 0, waitMs: 1_900 });
  });

  it('handles all of a batch old enough', () => {
    expect(heldBack([message(0, 9_000), message(1, 2_000)], 2_000, NOW)).toEqual({ ripe: 2, waitMs: 0 });
  });

  it('waits the hold at most for a timestamp ahead of its clock, and a little at least', () => {
    expect(heldBack([message(0, -60_000)], 2_000, NOW)).toEqual({ ripe: 0, waitMs: 2_000 });
    expect(heldBack([message(0, 1_999)], 2_000, NOW)).toEqual({ ripe: 0, waitMs: 50 });
  });
});

describe('handleBatch with a hold', () => {
  afterEach(() => jest.useRealTimers());

  it('handles and resolves only what is old enough, pausing the partition until the rest is', async () => {
    jest.useFakeTimers({ now: NOW });
    const handled: string[] = [];
    const resolved: string[] = [];
    const resume = jest.fn();
    const payload = {
      batch: { topic: 't', partition: 0, highWatermark: '4', messages: [message(0, 3_000), message(1, 2_500), message(2, 500)] },
      resolveOffset: (offset: string) => void resolved.push(offset),
      heartbeat: async () => undefined,
      commitOffsetsIfNecessary: async () => undefined,
      isRunning: () => true,
      isStale: () => false,
      pause: () => resume,
    } as unknown as EachBatchPayload;
    const handle = async ({ message: m }: { message: KafkaMessage }) => void handled.push(m.offset);
    await handleBatch(payload, { handle, keysInParallel: 8, commits: new SingleFlight(), holdBackMs: 2_000 });
    expect({ handled, resolved }).toEqual({ handled: ['0', '1'], resolved: ['1'] });
    // Until the youngest held message (500 ms old) is old enough.
    await jest.advanceTimersByTimeAsync(1_499);
    expect(resume).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(resume).toHaveBeenCalledTimes(1);
  });
});

describe('handleBatch with packed records', () => {
  it('hands over each packed message with its own key, resolving a record only once all of it is handled', async () => {
    // 4 records: 40 claims packed, 30 packed, 1 alone, 40 packed; a chunk fills to CHUNK (64) messages by whole records.
    const claims = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ key: `c${from + i}`, value: `{"n":${from + i}}`, headers: {} }));
    const sent = [...packRecords(claims(0, 40), () => 0), ...packRecords(claims(40, 30), () => 0), claims(70, 1)[0]!];
    const records = [...sent, ...packRecords(claims(71, 40), () => 0)].map(
      (r, offset) =>
        ({
          offset: String(offset),
          timestamp: String(NOW),
          key: Buffer.from(r.key as string),
          value: Buffer.from(r.value as Buffer | string),
          headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k, Buffer.from(v as string)])),
        }) as KafkaMessage,
    );
    const handled: string[] = [];
    const resolved: string[] = [];
    const payload = {
      batch: { topic: 't', partition: 0, highWatermark: '4', messages: records },
      resolveOffset: (offset: string) => void resolved.push(`${offset} after ${handled.length}`),
      heartbeat: async () => undefined,
      commitOffsetsIfNecessary: async () => undefined,
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload;
    const handle = async ({ message: m }: { message: KafkaMessage }) => void handled.push(m.key!.toString());
    await handleBatch(payload, { handle, keysInParallel: 8, commits: new SingleFlight() });
    expect([...handled].sort()).toEqual(Array.from({ length: 111 }, (_, i) => `c${i}`).sort());
    // Records 0-1 (70 messages) fill the first chunk; 2-3 (41) the second.
    expect(resolved).toEqual(['1 after 70', '3 after 111']);
  });
});
