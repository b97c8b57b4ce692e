import { RetriableError, isRetriable, withRetry } from './retry';

describe('isRetriable', () => {
  const databaseAway = (error: unknown) => (error as { code?: string }).code === 'DB_AWAY';

  it.each([
    ['a RetriableError', new RetriableError('moved'), undefined],
    ['a kafkajs error marked retriable', Object.assign(new Error('leader not available'), { retriable: true }), undefined],
    ['what the given classification calls transient', Object.assign(new Error('gone'), { code: 'DB_AWAY' }), databaseAway],
  ])('retries %s', (_, error, classify) => {
    expect(isRetriable(error, classify)).toBe(true);
  });

  it.each([
    ['a poison message', Object.assign(new Error('unique constraint'), { code: 'P2002' }), databaseAway],
    ['a bug', new TypeError('x is undefined'), databaseAway],
    ['nothing', null, databaseAway],
    // The Kafka library knows no database codes of its own: without a classification, a Prisma code is not retried.
    ['a database code with no classification given', Object.assign(new Error('busy'), { code: 'P2028' }), undefined],
    ['a kafkajs error marked not retriable', Object.assign(new Error('bad'), { retriable: false }), databaseAway],
  ])('does not retry %s', (_, error, classify) => {
    expect(isRetriable(error, classify)).toBe(false);
  });
});

describe('withRetry', () => {
  const fast = { attempts: 3, initialDelayMs: 1, maxDelayMs: 2 };

  it('retries what the given classification calls transient, then succeeds', async () => {
    let calls = 0;
    const work = async () => {
      if (++calls < 3) throw Object.assign(new Error('gone'), { code: 'DB_AWAY' });
      return 'done';
    };
    await expect(withRetry(work, fast, undefined, (e) => (e as { code?: string }).code === 'DB_AWAY')).resolves.toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up at once on anything else', async () => {
    let calls = 0;
    const work = async () => {
      calls++;
      throw Object.assign(new Error('gone'), { code: 'DB_AWAY' });
    };
    await expect(withRetry(work, fast)).rejects.toThrow('gone');
    expect(calls).toBe(1);
  });
});
