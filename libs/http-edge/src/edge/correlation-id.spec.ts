import { correlationIdProblem } from './correlation-id';

describe('X-Correlation-Id', () => {
  it('accepts 1 to 128 visible ASCII characters, or none', () => {
    expect(correlationIdProblem(undefined)).toBeNull();
    expect(correlationIdProblem('corr-1')).toBeNull();
    expect(correlationIdProblem('x'.repeat(128))).toBeNull();
  });

  it('refuses longer, empty, repeated or invisible ones, naming the header and never the value', () => {
    for (const bad of ['x'.repeat(129), '', 'a b', 'caf\u00e9', 'line\nbreak', ['a', 'b']]) {
      const problem = correlationIdProblem(bad);
      expect(problem).toMatch(/^X-Correlation-Id must/);
    }
  });
});
