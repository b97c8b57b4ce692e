import { SettledValidations } from './settled-validations';

describe('SettledValidations: the claims recorded priced here, the latest kept', () => {
  it('knows a claim added, not one never added', () => {
    const settled = new SettledValidations();
    settled.add('a');
    expect(settled.has('a')).toBe(true);
    expect(settled.has('b')).toBe(false);
  });

  it('keeps at least the last 32,768 claims and at most 65,536, dropping the oldest', () => {
    const settled = new SettledValidations();
    settled.add('first');
    for (let i = 1; i < 32_768; i++) settled.add(`c-${i}`);
    // The first generation is full: it is kept whole beside the next.
    for (let i = 0; i < 32_767; i++) settled.add(`d-${i}`);
    expect(settled.has('first')).toBe(true);
    expect(settled.has('d-0')).toBe(true);
    // The second fills: the first is dropped, the last 32,768 are still known.
    settled.add('last');
    expect(settled.has('first')).toBe(false);
    expect(settled.has('c-32767')).toBe(false);
    expect(settled.has('d-0')).toBe(true);
    expect(settled.has('last')).toBe(true);
  });
});
