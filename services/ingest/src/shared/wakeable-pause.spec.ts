import { WakeablePause } from './wakeable-pause';

describe('WakeablePause', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => (done = true));
    return () => done;
  };

  it('resolves after its time', async () => {
    const pause = new WakeablePause();
    const done = settled(pause.for(1000));
    await jest.advanceTimersByTimeAsync(999);
    expect(done()).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });

  it('resolves at once when woken, and a wake with no sleep in progress does nothing', async () => {
    const pause = new WakeablePause();
    pause.wake();
    const done = settled(pause.for(60_000));
    await jest.advanceTimersByTimeAsync(0);
    expect(done()).toBe(false);
    pause.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ignores a wake its condition refuses, and takes one it allows', async () => {
    const pause = new WakeablePause();
    let stopping = false;
    const done = settled(pause.for(60_000, () => stopping));
    pause.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(done()).toBe(false);
    stopping = true;
    pause.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(done()).toBe(true);
  });
});
