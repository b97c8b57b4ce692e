import type { Message } from 'kafkajs';

/**
 * Values and headers per produce request at most: the broker refuses a partition's record batch over
 * message.max.bytes (1 MB by default), and a large coalesced batch of priced claims gets there.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

const bytesOf = (v: unknown) => (typeof v === 'string' ? Buffer.byteLength(v) : Buffer.isBuffer(v) ? v.length : 0);
/** A message's value and header values (a packed record's index is up to ~21 KB for 64 messages). */
const sizeOf = (m: Message) => {
  let size = bytesOf(m.value);
  for (const name in m.headers) size += bytesOf(m.headers[name]);
  return size;
};

/** The messages split into produce requests of at most MAX_REQUEST_BYTES of values and headers, in order. */
export function* requests(byTopic: ReadonlyMap<string, Message[]>): Generator<{ topic: string; messages: Message[] }[]> {
  let request: { topic: string; messages: Message[] }[] = [];
  let bytes = 0;
  for (const [topic, messages] of byTopic) {
    for (const message of messages) {
      const size = sizeOf(message);
      if (bytes > 0 && bytes + size > MAX_REQUEST_BYTES) {
        yield request;
        request = [];
        bytes = 0;
      }
      const last = request[request.length - 1];
      if (last?.topic === topic) last.messages.push(message);
      else request.push({ topic, messages: [message] });
      bytes += size;
    }
  }
  if (request.length > 0) yield request;
}
