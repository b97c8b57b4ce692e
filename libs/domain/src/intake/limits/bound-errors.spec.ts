import type { FieldError } from '../field-error';
import { boundErrors, ErrorBudget, MAX_ERROR_TEXT, MAX_ERRORS_PER_CLAIM } from './bound-errors';

const errors = (n: number): FieldError[] =>
  Array.from({ length: n }, (_, i) => ({ path: `lines[${i}].code`, code: 'CODE_FORMAT', message: 'not a code' }));

describe('boundErrors', () => {
  it('keeps everything under the limit', () => {
    expect(boundErrors(errors(3))).toEqual({ errors: errors(3), omitted: 0 });
  });

  it(`keeps the first ${MAX_ERRORS_PER_CLAIM} and counts the rest`, () => {
    const bounded = boundErrors(errors(100_000));
    expect(bounded.errors).toEqual(errors(MAX_ERRORS_PER_CLAIM));
    expect(bounded.omitted).toBe(100_000 - MAX_ERRORS_PER_CLAIM);
  });

  it('shortens long texts, so an echoed value cannot grow the answer', () => {
    const [e] = boundErrors([{ path: 'x'.repeat(5000), code: 'TOO_LONG', message: 'y'.repeat(5000), source: 'z'.repeat(5000) }]).errors;
    expect([e.path.length, e.message.length, e.source?.length]).toEqual([MAX_ERROR_TEXT, MAX_ERROR_TEXT, MAX_ERROR_TEXT]);
  });
});

describe('ErrorBudget', () => {
  it('bounds each claim and the submission as a whole', () => {
    const budget = new ErrorBudget(250, 100);
    const taken = [1, 2, 3, 4].map(() => budget.take(errors(120)));
    expect(taken.map((t) => [t.errors.length, t.omitted])).toEqual([
      [100, 20],
      [100, 20],
      [50, 70],
      [0, 120],
    ]);
  });
});
