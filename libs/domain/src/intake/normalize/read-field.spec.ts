import { MAX_NUMBER_TEXT, readNumber } from './read-field';

describe('readNumber', () => {
  it.each([
    ['12', 12],
    [' 12.50 ', 12.5],
    ['.5', 0.5],
    ['-3', -3],
    ['+4.', 4],
    [7, 7],
  ])('reads %p as %p', (input, expected) => expect(readNumber(input)).toBe(expected));

  it.each(['', ' ', '1.2.3', '12a', '--1', '.', 'e5', null, {}])('refuses %p', (input) => expect(readNumber(input)).toBeUndefined());

  it(`refuses text longer than ${MAX_NUMBER_TEXT} characters without matching it`, () => {
    expect(readNumber('9'.repeat(MAX_NUMBER_TEXT + 1))).toBeUndefined();
  });

  // Regression (issue 12): 40,000 digits followed by a letter blocked the event loop for 2 s.
  it.each([
    ['40,000 digits and a letter', '1'.repeat(40_000) + 'a'],
    ['1 MB of digits and a letter', '1'.repeat(1024 * 1024) + 'a'],
    ['digits, a dot and a letter', '1'.repeat(20_000) + '.' + '1'.repeat(20_000) + 'a'],
  ])('answers %s at once', (_name, text) => {
    const started = performance.now();
    expect(readNumber(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(20);
  });
});
