import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('resolves with the first truthy value, retrying falsy results', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? { calls } : null), { description: 'third call', intervalMs: 1 });
    expect(value).toEqual({ calls: 3 });
    expect(calls).toBe(3);
  });

  it('retries an async probe until it stops throwing, then resolves with its result', async () => {
    let calls = 0;
    const result = await waitFor(
      async () => {
        calls += 1;
        if (calls < 4) throw new Error(`not yet (${calls})`);
      },
      { description: 'assertion to pass', intervalMs: 1 },
    );
    expect(result).toBeUndefined();
    expect(calls).toBe(4);
  });

  it('treats false, 0 and empty string as "not yet"', async () => {
    const results: unknown[] = [false, 0, '', 'ready'];
    let i = 0;
    await expect(waitFor(() => results[i++], { description: 'ready', intervalMs: 1 })).resolves.toBe('ready');
    expect(i).toBe(4);
  });

  it('times out with the description, the attempt count and the last error', async () => {
    let calls = 0;
    const started = Date.now();
    const failure = waitFor(
      () => {
        calls += 1;
        throw new Error(`broker says no #${calls}`);
      },
      { description: 'the broker', timeoutMs: 120, intervalMs: 20 },
    );
    await expect(failure).rejects.toThrow(
      /Timed out after 120 ms \(\d+ attempts\) waiting for the broker; last failure: broker says no #\d+/,
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(115);
    expect(elapsed).toBeLessThan(1_000);
    expect(calls).toBeGreaterThanOrEqual(4);
  });

  it('reports the last falsy result when nothing threw', async () => {
    await expect(waitFor(() => false, { description: 'a flag', timeoutMs: 30, intervalMs: 5 })).rejects.toThrow(
      /waiting for a flag; last failure: returned false/,
    );
  });

  it('does not let a hanging probe outlive the deadline', async () => {
    const started = Date.now();
    const never = () => new Promise<boolean>(() => undefined);
    await expect(waitFor(never, { description: 'a hung query', timeoutMs: 80 })).rejects.toThrow(
      /a hung query; last failure: attempt still running at the deadline/,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps the last error as the cause', async () => {
    const boom = new Error('boom');
    const failure = await waitFor(
      () => {
        throw boom;
      },
      { description: 'x', timeoutMs: 10, intervalMs: 5 },
    ).catch((error: Error & { cause?: unknown }) => error);
    expect((failure as Error & { cause?: unknown }).cause).toBe(boom);
  });
});
