import { codeSet } from './code-set';

describe('codeSet', () => {
  it('expands inclusive numeric ranges and keeps single codes', () => {
    expect([...codeSet(['62320-62323', '0627T'])]).toEqual(['62320', '62321', '62322', '62323', '0627T']);
    expect(codeSet(['01990-01992']).has('01991')).toBe(true);
  });

  it('throws on a malformed range (a bug in the rule data)', () => {
    expect(() => codeSet(['62329-62320'])).toThrow('bad code range');
    expect(() => codeSet(['0627T-0628T'])).toThrow('bad code range');
  });
});
