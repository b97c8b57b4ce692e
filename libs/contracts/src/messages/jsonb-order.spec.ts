import { inJsonbOrder, keysInJsonbOrder } from './jsonb-order';

describe('jsonb key order', () => {
  it('puts shorter keys first, then in byte order, deep, and leaves out undefined values', () => {
    const value = { lines: [{ units: 1, code: 'A', b: undefined }], claimId: 'X', edits: [], z: { bb: 1, a: 2 } };
    expect(JSON.stringify(inJsonbOrder(value))).toBe('{"z":{"a":2,"bb":1},"edits":[],"lines":[{"code":"A","units":1}],"claimId":"X"}');
    expect(Object.keys(keysInJsonbOrder({ outcome: 1, lines: 2, claimId: 3 }))).toEqual(['lines', 'claimId', 'outcome']);
  });

  it('keeps what is in order already as it is, not copied', () => {
    const inner = { a: 1, bb: [{ c: 1 }] };
    const value = { x: inner, yy: [inner] };
    expect(inJsonbOrder(value)).toBe(value);
    const moved = { zz: inner, a: 1 };
    expect(inJsonbOrder(moved).zz).toBe(inner);
  });
});
