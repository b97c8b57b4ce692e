/**
 * NPI check digit: Luhn over the 10 digits prefixed with the card issuer id 80840
 * (CMS "Requirements for NPI check digit"), so 1234567893 is valid.
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  return luhnSum(`80840${npi}`) % 10 === 0;
}

/** The check digit that completes a 9-digit NPI stem. */
export function npiCheckDigit(stem: string): string {
  if (!/^\d{9}$/.test(stem)) throw new Error(`NPI stem must be 9 digits, got ${stem}`);
  return String((10 - (luhnSum(`80840${stem}0`) % 10)) % 10);
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum;
}
