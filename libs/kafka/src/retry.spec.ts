import { RetriableError, isRetriable } from './retry';

describe('isRetriable', () => {
  it('retries connection trouble, a busy pool and a transaction that could not start in time', () => {
    expect(isRetriable(new RetriableError('moved'))).toBe(true);
    expect(isRetriable(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isRetriable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    const busy = Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' });
    expect(isRetriable(busy)).toBe(true);
  });

  it('does not retry a poison message or a bug', () => {
    expect(isRetriable(Object.assign(new Error('unique constraint'), { code: 'P2002' }))).toBe(false);
    expect(isRetriable(new TypeError('x is undefined'))).toBe(false);
    expect(isRetriable(null)).toBe(false);
  });
});
