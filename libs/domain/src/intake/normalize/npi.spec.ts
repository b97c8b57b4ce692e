import { isValidNpi, npiCheckDigit } from './npi';

describe('NPI check digit', () => {
  it('accepts the CMS example 1234567893 and rejects its neighbours', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('1234567894')).toBe(false);
  });

  it('computes the digit that completes a stem', () => {
    expect(npiCheckDigit('123456789')).toBe('3');
    expect(npiCheckDigit('104972635')).toBe('3');
    expect(isValidNpi(`128634057${npiCheckDigit('128634057')}`)).toBe(true);
  });

  it('rejects anything but 10 digits', () => {
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
  });
});
