import { uniqueSuffix } from './unique-suffix';

describe('uniqueSuffix', () => {
  it('is unique across many calls and safe in topic, group and database names', () => {
    const suffixes = Array.from({ length: 1_000 }, () => uniqueSuffix());
    expect(new Set(suffixes).size).toBe(1_000);
    for (const suffix of suffixes) expect(suffix).toMatch(/^[a-z0-9]{12,24}$/);
    expect(`claimflow_test_${suffixes[0]}`.length).toBeLessThanOrEqual(63);
  });
});
