import { feeCents, percentOf, roundDiv } from './money';

const national = { gpciWork: 1, gpciPe: 1, gpciMp: 1 };

describe('fee arithmetic', () => {
  it('rounds the fee schedule amount to the cent as CMS does: 3.08 x 32.3465 = 99.627... -> 99.63', () => {
    expect(feeCents({ work: 0.6, pe: 2.44, mp: 0.04, ...national, conversionFactor: 32.3465 })).toBe(9963);
  });

  it('does not drift where floats do: 0.1 + 0.2 style sums stay exact', () => {
    // 1.29 x 33.4009 = 43.087161 -> 43.09; 1.32 x 33.4009 = 44.089188 -> 44.09
    expect(feeCents({ work: 0.3, pe: 0.95, mp: 0.04, ...national, conversionFactor: 33.4009 })).toBe(4309);
    expect(feeCents({ work: 0.3, pe: 0.98, mp: 0.04, ...national, conversionFactor: 33.4009 })).toBe(4409);
  });

  it('applies GPCIs to each component before the conversion factor', () => {
    // (0.60 x 1 + 2.44 x 0.869 + 0.04 x 0.575) x 32.3465 = (0.6 + 2.12036 + 0.023) x 32.3465 = 88.7372... -> 88.74
    expect(feeCents({ work: 0.6, pe: 2.44, mp: 0.04, gpciWork: 1, gpciPe: 0.869, gpciMp: 0.575, conversionFactor: 32.3465 })).toBe(8874);
  });

  it('halves the practice expense for the therapy reduction', () => {
    // (0.45 + 0.215 x 0.869 + 0.01 x 0.575) x 32.3465 = 20.7889... -> 20.79
    expect(feeCents({ work: 0.45, pe: 0.43, mp: 0.01, gpciWork: 1, gpciPe: 0.869, gpciMp: 0.575, conversionFactor: 32.3465 }, 0.5)).toBe(
      2079,
    );
  });

  it('rounds half up, exactly, with integer remainders', () => {
    expect(roundDiv(5, 10)).toBe(1);
    expect(roundDiv(4, 10)).toBe(0);
    expect(roundDiv(25, 10)).toBe(3);
    expect(percentOf(5753, 5_000)).toBe(2877); // 28.765 -> 28.77
    expect(percentOf(1262, 7_500)).toBe(947); // 9.465 -> 9.47
  });
});
