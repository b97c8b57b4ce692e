/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's record batch checksum, which its types do not export */
import fc from 'fast-check';

/**
 * kafkajs checksums each record batch it produces (CRC-32C, Kafka's record batch format v2); the broker refuses a
 * batch whose checksum is wrong (test/kafkajs-crc32c.int-spec.ts). patches/kafkajs+2.2.4.patch has kafkajs take it
 * from @node-rs/crc32 (native) instead of its JavaScript table, a byte at a time.
 */
type Crc = ((buffer: Buffer) => number) & { implementation?: string };
const kafkajsCrc = require('kafkajs/src/protocol/recordBatch/crc32C') as Crc;
// kafkajs's own table, which the patch leaves in place (and falls back on), as signed 32 bits made unsigned.
const tableCrc = (buffer: Buffer) => (require('kafkajs/src/protocol/recordBatch/crc32C/crc32C') as Crc)(buffer) >>> 0;

describe("kafkajs's record batch checksum", () => {
  it('is the native CRC-32C of @node-rs/crc32 (the patch applied, the binary loaded)', () => {
    expect(kafkajsCrc.implementation).toBe('@node-rs/crc32');
  });

  it('gives the CRC-32C check value and the empty input’s', () => {
    // The check value of CRC-32C (Castagnoli): the checksum of the ASCII digits 1 to 9 (RFC 3720, B.4).
    expect(kafkajsCrc(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(kafkajsCrc(Buffer.alloc(0))).toBe(0);
  });

  it("equals kafkajs's own table for any bytes, up to record batches larger than a fetch's partition limit", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(kafkajsCrc(buffer)).toBe(tableCrc(buffer));
      }),
      { numRuns: 300 },
    );
    // A batch as large as the publisher sends (packed records of 64 priced claims are ~170 KB), and a slice of a
    // larger buffer (kafkajs checksums a batch's bytes past its header, a view into the encoder's buffer).
    const large = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 2654435761) >>> 24));
    expect(kafkajsCrc(large)).toBe(tableCrc(large));
    expect(kafkajsCrc(large.subarray(61, 200_003))).toBe(tableCrc(large.subarray(61, 200_003)));
  });
});
