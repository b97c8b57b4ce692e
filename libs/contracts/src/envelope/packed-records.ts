/** A Kafka message as a producer gives it (kafkajs's Message): the fields packing reads and writes. */
export interface OutgoingRecord {
  readonly key?: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly partition?: number;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

/** A Kafka record as a consumer receives it (kafkajs's KafkaMessage): the fields unpacking reads and writes. */
export interface ReceivedRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

/**
 * The header of a packed record: several claim messages of one partition in one Kafka record. Its value is the
 * JSON index `[[key, valueBytes, headers], ...]`, one entry a message in order; the record's value is their values
 * one after the other. Each message keeps its own key, headers (the envelope) and value bytes, so unpacking gives
 * every consumer the messages as if each had its own record. Only ClaimFlow's internal claim topics carry them
 * (README, "Packed records").
 */
export const PACKED_HEADER = 'cf-packed';

/** Kafka's per-record cost is what packing saves; a record of this many messages saves most of it. */
export const PACK_MAX_MESSAGES = 64;
/**
 * Values of one packed record at most: well inside the broker's message.max.bytes (1 MB by default) and the
 * publisher's MAX_REQUEST_BYTES (512 KB), so a produce request still holds several partitions' records.
 */
export const PACK_MAX_BYTES = 128 * 1024;

type IndexEntry = [key: string, bytes: number, headers: Readonly<Record<string, string>>];

const byteLength = (value: OutgoingRecord['value']): number =>
  typeof value === 'string' ? Buffer.byteLength(value) : (value?.length ?? 0);

/**
 * The messages (in order) as records: those of one partition (partitionOf their key) packed together in order, up to
 * PACK_MAX_MESSAGES and PACK_MAX_BYTES a record, each record keyed by its first message's key and placed on that
 * partition. A message whose partition is not known (undefined), with no key, or whose headers are not all text
 * goes alone, as it is. A partition's messages keep their order: a record holds a run of them, and its records and
 * lone messages follow one another in the order of their first message.
 */
export function packRecords<M extends OutgoingRecord>(
  messages: readonly M[],
  partitionOf: (key: string) => number | undefined,
): (M | OutgoingRecord)[] {
  const records: (M | Pack<M>)[] = [];
  const open = new Map<number, Pack<M>>();
  for (const message of messages) {
    const key = typeof message.key === 'string' ? message.key : message.key?.toString();
    const partition = key === undefined ? undefined : partitionOf(key);
    const headers = textHeaders(message.headers);
    if (partition === undefined || key === undefined || !headers || message.value === null || message.value === undefined) {
      // Alone; what its partition's messages after it are packed into comes after it.
      if (partition !== undefined) open.delete(partition);
      records.push(message);
      continue;
    }
    const bytes = byteLength(message.value);
    let pack = open.get(partition);
    if (!pack || pack.entries.length >= PACK_MAX_MESSAGES || pack.bytes + bytes > PACK_MAX_BYTES) {
      pack = { partition, first: message, entries: [], values: [], bytes: 0 };
      records.push(pack);
      open.set(partition, pack);
    }
    pack.entries.push([key, bytes, headers]);
    pack.values.push(message.value);
    pack.bytes += bytes;
  }
  return records.map((r) => ('entries' in r ? (r.entries.length === 1 ? r.first : packed(r)) : r));
}

interface Pack<M> {
  readonly partition: number;
  /** Its first message as given: a pack of one goes as it is. */
  readonly first: M;
  readonly entries: IndexEntry[];
  readonly values: (Buffer | string)[];
  bytes: number;
}

/** One allocation and one copy of each value (Buffer.concat of Buffer.from copied each string twice). */
function packed({ entries, values, partition, bytes }: Pack<unknown>): OutgoingRecord {
  const value = Buffer.allocUnsafe(bytes);
  let at = 0;
  for (const v of values) at += typeof v === 'string' ? value.write(v, at) : v.copy(value, at);
  return { key: entries[0]![0], partition, headers: { [PACKED_HEADER]: JSON.stringify(entries) }, value };
}

/** Headers as text (the same object when they all are), or undefined when one is not a single string or Buffer. */
function textHeaders(headers: OutgoingRecord['headers']): Readonly<Record<string, string>> | undefined {
  let text: Record<string, string> | undefined;
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string' || value === undefined) continue;
    if (!Buffer.isBuffer(value)) return undefined;
    text ??= {};
    text[name] = value.toString();
  }
  if (!text) return (headers ?? {}) as Readonly<Record<string, string>>;
  for (const name in headers) if (typeof headers[name] === 'string') text[name] = headers[name] as string;
  return text;
}

/**
 * The messages a record carries: itself when it is not packed; else each packed message with its own key, headers
 * and value (a view of the record's value, not a copy), at the record's offset and timestamp. A packed record whose
 * index does not describe its value exactly is never dropped: when the index still names its messages' keys, one
 * message a key, each with the record's whole value and no envelope (so that each is dead-lettered naming its claim,
 * which then finishes); else the record as it is (dead-lettered under its key, its first message's).
 */
export function unpackRecord<R extends ReceivedRecord>(record: R): R[] {
  const raw = record.headers?.[PACKED_HEADER];
  if (raw === undefined) return [record];
  const index = readIndex(raw);
  if (!index) return [record];
  if (!describes(index, record.value)) return index.map(([key]) => ({ ...record, key: Buffer.from(key) }));
  const messages: R[] = [];
  let at = 0;
  for (const [key, bytes, headers] of index) {
    const value = record.value!.subarray(at, at + bytes);
    at += bytes;
    messages.push({ ...record, key: Buffer.from(key), value, headers });
  }
  return messages;
}

/** The index's entries when it is a list of entries that each name a key (their sizes and headers not yet checked). */
function readIndex(raw: NonNullable<ReceivedRecord['headers']>[string]): [key: string, ...unknown[]][] | undefined {
  if (typeof raw !== 'string' && !Buffer.isBuffer(raw)) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(raw.toString());
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries) || entries.length === 0) return undefined;
  return entries.every((e) => Array.isArray(e) && typeof e[0] === 'string') ? (entries as [string, ...unknown[]][]) : undefined;
}

/** Whether every entry is whole (key, size, text headers) and their sizes add up to the value's. */
function describes(index: [string, ...unknown[]][], value: Buffer | null): index is IndexEntry[] {
  if (!value) return false;
  let total = 0;
  for (const entry of index) {
    if (!isEntry(entry)) return false;
    total += entry[1];
  }
  return total === value.length;
}

function isEntry(entry: unknown[]): entry is IndexEntry {
  const [, bytes, headers] = entry;
  if (entry.length !== 3 || !Number.isSafeInteger(bytes) || (bytes as number) < 0) return false;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return false;
  return Object.values(headers).every((v) => typeof v === 'string');
}
