import { SingleFlight } from './single-flight';

/** A SingleFlight and a piece of work whose runs the test finishes by hand. */
function controlledWork() {
  const runs: { finish(): void; fail(error: Error): void }[] = [];
  const work = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ finish: resolve, fail: reject });
    });
  return { runs, work, flight: new SingleFlight() };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SingleFlight', () => {
  it('runs once for a lone caller', async () => {
    const { runs, work, flight } = controlledWork();
    const done = flight.run(work);
    expect(runs).toHaveLength(1);
    runs[0].finish();
    await expect(done).resolves.toBeUndefined();
  });

  it('gives callers that arrive during a run one more run, started after they called', async () => {
    const { runs, work, flight } = controlledWork();
    const first = flight.run(work);
    let laterDone = 0;
    const later = [flight.run(work), flight.run(work), flight.run(work)].map((p) => p.then(() => laterDone++));
    expect(runs).toHaveLength(1);
    runs[0].finish();
    await first;
    await settle();
    expect(runs).toHaveLength(2);
    expect(laterDone).toBe(0);
    runs[1].finish();
    await Promise.all(later);
    expect(laterDone).toBe(3);
    expect(runs).toHaveLength(2);
  });

  it('fails the callers of a failed run only; waiting callers get their own run', async () => {
    const { runs, work, flight } = controlledWork();
    const first = flight.run(work);
    const second = flight.run(work);
    runs[0].fail(new Error('broker away'));
    await expect(first).rejects.toThrow('broker away');
    await settle();
    expect(runs).toHaveLength(2);
    runs[1].finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('runs the work the latest waiting caller passed', async () => {
    const { runs, work, flight } = controlledWork();
    const first = flight.run(work);
    const stale = jest.fn(work);
    const latest = jest.fn(work);
    const waiting = [flight.run(stale), flight.run(latest)];
    runs[0].finish();
    await first;
    await settle();
    expect(stale).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledTimes(1);
    runs[1].finish();
    await Promise.all(waiting);
  });

  it('starts afresh once idle', async () => {
    const { runs, work, flight } = controlledWork();
    const first = flight.run(work);
    runs[0].finish();
    await first;
    const again = flight.run(work);
    expect(runs).toHaveLength(2);
    runs[1].finish();
    await again;
  });
});
