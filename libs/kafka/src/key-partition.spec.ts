import fc from 'fast-check';
import { Partitioners } from 'kafkajs';
import { keyPartition, murmur2 } from './key-partition';
import { KnownPartitions } from './known-partitions';

// kafkajs's own murmur2 (the Java client's), the one its DefaultPartitioner hashes keys with.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a module of kafkajs its types do not export
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer | string) => number;

describe("keyPartition: the default partitioner's choice, without kafkajs's Long arithmetic", () => {
  const keys = fc.oneof(fc.uuid(), fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 8 }));

  it('hashes as kafkajs does, any key (UTF-8, of every length modulo 4, longer than its buffer too)', () => {
    fc.assert(
      fc.property(keys, (key) => {
        expect(murmur2(Buffer.from(key))).toBe(kafkajsMurmur2(key));
      }),
      { numRuns: 3000 },
    );
    const long = 'x'.repeat(1500) + 'Ü';
    expect(murmur2(Buffer.from(long))).toBe(kafkajsMurmur2(long));
  });

  it('hashes arbitrary bytes as kafkajs does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(murmur2(bytes)).toBe(kafkajsMurmur2(Buffer.from(bytes)));
      }),
      { numRuns: 2000 },
    );
  });

  it("chooses the partition kafkajs's DefaultPartitioner chooses, and KnownPartitions answers the same once it has the topic's metadata", () => {
    const known = new KnownPartitions();
    const producerPartitioner = known.createPartitioner();
    fc.assert(
      fc.property(keys, fc.integer({ min: 1, max: 64 }), (key, count) => {
        const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({
          partitionErrorCode: 0,
          partitionId,
          leader: 1,
          replicas: [1],
          isr: [1],
        }));
        const topic = `t${count}`;
        const expected = Partitioners.DefaultPartitioner()({ topic, partitionMetadata, message: { key, value: null } });
        expect(keyPartition(key, count)).toBe(expected);
        // The producer's partitioner notes the topic's partitions; packing then asks KnownPartitions.
        expect(producerPartitioner({ topic, partitionMetadata, message: { key, value: null } })).toBe(expected);
        expect(known.partitionOf(topic)(key)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(known.partitionOf('never-written')('k')).toBeUndefined();
    // A partition given stays; a message without a key goes round the partitions, as kafkajs sends it.
    const partitionMetadata = [0, 1, 2].map((partitionId) => ({ partitionErrorCode: 0, partitionId, leader: 1, replicas: [1], isr: [1] }));
    expect(producerPartitioner({ topic: 'g', partitionMetadata, message: { key: 'k', partition: 2, value: null } })).toBe(2);
    const keyless = [1, 2, 3].map(() => producerPartitioner({ topic: 'g', partitionMetadata, message: { value: null } }));
    expect(new Set(keyless)).toEqual(new Set([0, 1, 2]));
  });
});
