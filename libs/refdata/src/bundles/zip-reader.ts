import { crc32 } from 'node:zlib';
import * as yauzl from 'yauzl';

export interface ZipMember {
  readonly name: string;
  readonly compressedSize: number;
  readonly size: number;
  readonly entry: yauzl.Entry;
}

/** A ZIP file opened with yauzl (central directory read, members streamed on demand). */
export class ZipBundle {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly members: readonly ZipMember[],
  ) {}

  static open(path: string): Promise<ZipBundle> {
    return new Promise((resolve, reject) => {
      yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) => {
        if (error || !zip) return reject(error ?? new Error('cannot open'));
        const members: ZipMember[] = [];
        zip.on('error', reject);
        zip.on('entry', (entry: yauzl.Entry) => {
          if (!entry.fileName.endsWith('/'))
            members.push({ name: entry.fileName, compressedSize: entry.compressedSize, size: entry.uncompressedSize, entry });
          zip.readEntry();
        });
        zip.on('end', () => resolve(new ZipBundle(zip, members)));
        zip.readEntry();
      });
    });
  }

  /**
   * A member's bytes, streamed and inflated; the CRC-32 is checked when the whole member is read.
   * With `limit`, only its first bytes (the stream is stopped there).
   */
  read(member: ZipMember, limit?: number, onChunk?: (compressedBytes: number) => void): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(member.entry, (error, stream) => {
        if (error || !stream) return reject(error ?? new Error('cannot read'));
        const chunks: Buffer[] = [];
        let n = 0;
        let done = false;
        const finish = (): void => {
          if (done) return;
          done = true;
          const buf = Buffer.concat(chunks);
          if (limit === undefined && crc32(buf) >>> 0 !== member.entry.crc32 >>> 0)
            return reject(new Error(`member ${member.name} fails its CRC-32 check`));
          resolve(buf);
        };
        stream.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          n += chunk.length;
          if (onChunk && member.size > 0) onChunk((chunk.length / member.size) * member.compressedSize);
          if (limit !== undefined && n >= limit) {
            stream.destroy();
            finish();
          }
        });
        stream.on('error', (e: Error) => (done ? undefined : ((done = true), reject(e))));
        stream.on('end', finish);
      });
    });
  }

  close(): void {
    this.zip.close();
  }
}

/** A ZIP file by its magic number (PK\x03\x04, or an empty archive's PK\x05\x06). */
export const looksLikeZip = (head: Buffer): boolean =>
  head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
