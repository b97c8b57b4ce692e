import fc from 'fast-check';
import {
  PACK_MAX_BYTES,
  PACK_MAX_MESSAGES,
  PACKED_HEADER,
  packRecords,
  unpackRecord,
  type OutgoingRecord,
  type ReceivedRecord,
} from './packed-records';

type Message = OutgoingRecord;
/** As kafkajs gives a consumer a record. */
type KafkaMessage = ReceivedRecord & { readonly offset: string; readonly timestamp: string; readonly attributes: number };

/** A record as a consumer receives it: what the producer sent, headers and key as Buffers. */
const received = (m: Message, offset: number): KafkaMessage => ({
  key: m.key === null || m.key === undefined ? null : Buffer.from(m.key),
  value: m.value === null || m.value === undefined ? null : Buffer.from(m.value),
  headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(v as string)])),
  timestamp: '1700000000000',
  attributes: 0,
  offset: String(offset),
});
const text = (m: KafkaMessage) => ({
  key: m.key?.toString(),
  value: m.value?.toString(),
  headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v)])),
});
const partitionOf = (key: string) => (key.startsWith('x') ? undefined : key.charCodeAt(key.length - 1) % 3);

const messageArb = fc.record({
  key: fc.constantFrom('a1', 'a2', 'b3', 'c4', 'x5'),
  value: fc.string({ maxLength: 40 }),
  headers: fc.dictionary(fc.constantFrom('cf-message-id', 'cf-message-type', 'traceparent'), fc.string({ maxLength: 20 })),
});

describe('packRecords and unpackRecord', () => {
  it('give each partition its messages back, in order, with their keys, headers and values', () => {
    fc.assert(
      fc.property(fc.array(messageArb, { maxLength: 200 }), (messages) => {
        const records = packRecords<Message>(messages, partitionOf);
        const unpacked = records.flatMap((r, i) => unpackRecord(received(r, i)).map(text));
        for (const p of [0, 1, 2, undefined]) {
          const of = (m: { key?: string }) => partitionOf(m.key!) === p;
          expect(unpacked.filter(of)).toEqual(messages.filter(of).map((m) => text(received(m, 0))));
        }
        for (const r of records) {
          if (!r.headers?.[PACKED_HEADER]) continue;
          // On the partition of every message in it, within the limits.
          const keys = unpackRecord(received(r, 0)).map((m) => m.key!.toString());
          expect(new Set(keys.map(partitionOf))).toEqual(new Set([r.partition]));
          expect(keys.length).toBeLessThanOrEqual(PACK_MAX_MESSAGES);
          expect(keys.length).toBeGreaterThan(1);
          expect(r.key).toBe(keys[0]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('pack a partition into records of at most PACK_MAX_MESSAGES and PACK_MAX_BYTES', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ key: `k${i}`, value: 'v', headers: {} }));
    expect(packRecords<Message>(many, () => 0).map((r) => unpackRecord(received(r, 0)).length)).toEqual([64, 64, 22]);
    const big = Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(PACK_MAX_BYTES / 2), headers: {} }));
    expect(packRecords<Message>(big, () => 0).map((r) => unpackRecord(received(r, 0)).length)).toEqual([2, 2, 1]);
  });

  it('leave alone what they cannot pack, and what comes after it on its partition stays after it', () => {
    const messages: Message[] = [
      { key: 'a1', value: 'one', headers: { h: 'x' } },
      { key: 'a2', value: 'two', headers: { h: ['x', 'y'] } },
      { key: 'a3', value: 'three', headers: {} },
      { key: 'a4', value: 'four', headers: {} },
      { key: null, value: 'keyless' },
    ];
    const records = packRecords<Message>(messages, () => 0);
    expect(records.slice(0, 2)).toEqual([messages[0], messages[1]]);
    expect(unpackRecord(received(records[2]!, 2)).map((m) => m.value!.toString())).toEqual(['three', 'four']);
    expect(records[3]).toBe(messages[4]);
  });

  it('unpack at the record offset and timestamp, each value a view of the record', () => {
    const [record] = packRecords<Message>(
      [
        { key: 'a', value: '{"n":1}', headers: { 'cf-message-id': 'm1' } },
        { key: 'b', value: '{"n":22}', headers: { 'cf-message-id': 'm2' } },
      ],
      () => 4,
    );
    expect(record!.partition).toBe(4);
    const got = unpackRecord(received(record!, 17));
    expect(got.map((m) => [m.offset, m.timestamp, m.key!.toString(), m.headers, m.value!.toString()])).toEqual([
      ['17', '1700000000000', 'a', { 'cf-message-id': 'm1' }, '{"n":1}'],
      ['17', '1700000000000', 'b', { 'cf-message-id': 'm2' }, '{"n":22}'],
    ]);
  });

  it('pack headers given as Buffers as their text, and Buffer values as they are', () => {
    const records = packRecords<Message>(
      [
        { key: 'a', value: Buffer.from('{"n":1}'), headers: { 'cf-message-id': Buffer.from('m1'), 'cf-message-type': 'T.v1' } },
        { key: 'b', value: '{"n":2}', headers: { 'cf-message-id': 'm2', skipped: undefined } },
      ],
      () => 0,
    );
    expect(records).toHaveLength(1);
    expect(unpackRecord(received(records[0]!, 0)).map(text)).toEqual([
      { key: 'a', value: '{"n":1}', headers: { 'cf-message-id': 'm1', 'cf-message-type': 'T.v1' } },
      { key: 'b', value: '{"n":2}', headers: { 'cf-message-id': 'm2' } },
    ]);
  });

  it('give a record whose index cannot be read as it is, and one whose index names its keys one message a key', () => {
    const value = Buffer.from('{"n":1}{"n":2}');
    const of = (index: string) =>
      ({ ...received({ key: 'a', value }, 3), headers: { [PACKED_HEADER]: Buffer.from(index) } }) as KafkaMessage;
    for (const index of ['not json', '[]', '{}', '[["a",7,{}],7]', '[[1,7,{}],["b",7,{}]]']) {
      const record = of(index);
      expect(unpackRecord(record)).toEqual([record]);
    }
    // Sizes that do not add up, a negative or missing size, headers that are not text: each key with the whole value,
    // no envelope (so each is dead-lettered naming its claim).
    for (const index of [
      '[["a",7,{}]]',
      '[["a",7,{}],["b",8,{}]]',
      '[["a",-1,{}],["b",15,{}]]',
      '[["a",7,{"h":1}],["b",7,{}]]',
      '[["a"],["b"]]',
    ]) {
      const got = unpackRecord(of(index));
      expect(got.map((m) => m.key!.toString())).toEqual(JSON.parse(index).map((e: string[]) => e[0]));
      for (const m of got) expect([m.value, m.offset, m.headers]).toEqual([value, '3', { [PACKED_HEADER]: Buffer.from(index) }]);
    }
    expect(unpackRecord(of('[["a",7,{}],["b",7,{}]]')).map((m) => m.value!.toString())).toEqual(['{"n":1}', '{"n":2}']);
  });
});
