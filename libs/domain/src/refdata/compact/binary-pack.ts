type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array;
const TYPES = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array } as const;
type TypeName = keyof typeof TYPES;
const MAGIC = 0x44524643; // "CFRD"

function typeName(a: Typed): TypeName {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  return 'i32';
}

const align8 = (n: number): number => (n + 7) & ~7;

/** One buffer: magic, JSON header length, JSON header (meta + array directory), then 8-aligned arrays. */
export function packArrays(meta: unknown, arrays: Record<string, Typed>): Uint8Array {
  const dir: { name: string; type: TypeName; offset: number; length: number }[] = [];
  let body = 0;
  for (const [name, a] of Object.entries(arrays)) {
    dir.push({ name, type: typeName(a), offset: body, length: a.length });
    body = align8(body + a.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta, arrays: dir }));
  const base = align8(8 + header.length);
  const out = new Uint8Array(base + body);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  out.set(header, 8);
  for (const d of dir) {
    const a = arrays[d.name];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), base + d.offset);
  }
  return out;
}

export function unpackArrays(input: Uint8Array): { meta: unknown; arrays: Record<string, Typed> } {
  // Typed-array views need aligned offsets; pooled buffers may not be.
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a packed reference-data file');
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as {
    meta: unknown;
    arrays: { name: string; type: TypeName; offset: number; length: number }[];
  };
  const base = align8(8 + headerLength);
  const arrays: Record<string, Typed> = {};
  for (const d of header.arrays)
    arrays[d.name] = new TYPES[d.type](bytes.buffer as ArrayBuffer, bytes.byteOffset + base + d.offset, d.length);
  return { meta: header.meta, arrays };
}
