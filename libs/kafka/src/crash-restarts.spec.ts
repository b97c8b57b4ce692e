import { CrashRestarts, FIRST_RESTART_MS, LONGEST_RESTART_MS } from './crash-restarts';

describe('CrashRestarts', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Times (ms after the start) at which restarts ran, each one failing and so scheduling the next. */
  async function failingRestartTimes(count: number, restarts = new CrashRestarts()) {
    const times: number[] = [];
    const warnings: string[] = [];
    const start = Date.now();
    const restart = async () => {
      times.push(Date.now() - start);
      throw new Error('still denied');
    };
    restarts.schedule(
      restart,
      () => false,
      (w) => void warnings.push(w),
    );
    while (times.length < count) await jest.advanceTimersByTimeAsync(500);
    return { times, warnings, restarts };
  }

  it('waits twice as long before each restart, up to LONGEST_RESTART_MS', async () => {
    const { times, warnings } = await failingRestartTimes(7);
    const pauses = times.map((t, i) => t - (times[i - 1] ?? 0));
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, LONGEST_RESTART_MS, LONGEST_RESTART_MS]);
    expect(warnings).toEqual(Array(7).fill('consumer restart failed: still denied'));
  });

  it('starts from the shortest pause again once the consumer joined', async () => {
    const restarts = new CrashRestarts();
    await failingRestartTimes(3, restarts);
    restarts.cancel();
    restarts.joined();
    let ran = 0;
    restarts.schedule(
      async () => void ran++,
      () => false,
      () => undefined,
    );
    await jest.advanceTimersByTimeAsync(FIRST_RESTART_MS);
    expect(ran).toBe(1);
  });

  it('schedules one restart however many crashes come before it', async () => {
    const restarts = new CrashRestarts();
    let ran = 0;
    for (let i = 0; i < 3; i++)
      restarts.schedule(
        async () => void ran++,
        () => false,
        () => undefined,
      );
    await jest.advanceTimersByTimeAsync(10 * FIRST_RESTART_MS);
    expect(ran).toBe(1);
  });

  it('runs nothing once stopped: neither when the pause ends nor after a cancel', async () => {
    let closing = false;
    let ran = 0;
    const stopped = new CrashRestarts();
    stopped.schedule(
      async () => void ran++,
      () => closing,
      () => undefined,
    );
    closing = true;
    await jest.advanceTimersByTimeAsync(FIRST_RESTART_MS);
    const cancelled = new CrashRestarts();
    cancelled.schedule(
      async () => void ran++,
      () => false,
      () => undefined,
    );
    cancelled.cancel();
    await jest.advanceTimersByTimeAsync(FIRST_RESTART_MS);
    expect(ran).toBe(0);
  });
});
