import { ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { READINESS_REFRESH_MS, READINESS_STALE_MS, ReadinessMonitor } from './readiness-monitor';

const up: HealthCheckResult = { status: 'ok', info: { postgres: { status: 'up' } }, error: {}, details: { postgres: { status: 'up' } } };

/** A terminus HealthCheckService whose answers the test gives, counting how often it was asked. */
function checks(...answers: (() => Promise<HealthCheckResult>)[]) {
  const service = { calls: 0, check: () => answers[Math.min(service.calls++, answers.length - 1)]!() };
  return service;
}

describe('ReadinessMonitor', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('answers probes from the latest run without running the checks again', async () => {
    const health = checks(() => Promise.resolve(up));
    const monitor = new ReadinessMonitor(health as unknown as HealthCheckService, []);
    monitor.onApplicationBootstrap();
    await expect(monitor.answer()).resolves.toEqual(up);
    await expect(monitor.answer()).resolves.toEqual(up);
    expect(health.calls).toBe(1);
    monitor.onApplicationShutdown();
  });

  it('refreshes in the background, so a check that went down shows within a refresh', async () => {
    const down = new ServiceUnavailableException({ status: 'error' });
    const health = checks(
      () => Promise.resolve(up),
      () => Promise.reject(down),
    );
    const monitor = new ReadinessMonitor(health as unknown as HealthCheckService, []);
    monitor.onApplicationBootstrap();
    await expect(monitor.answer()).resolves.toEqual(up);
    await jest.advanceTimersByTimeAsync(READINESS_REFRESH_MS);
    await expect(monitor.answer()).rejects.toBe(down);
    monitor.onApplicationShutdown();
  });

  it('waits for a fresh run when the latest is stale, and never while a slow check is in flight', async () => {
    let finish: (r: HealthCheckResult) => void = () => undefined;
    const health = checks(
      () => Promise.resolve(up),
      () => new Promise<HealthCheckResult>((resolve) => (finish = resolve)),
    );
    const monitor = new ReadinessMonitor(health as unknown as HealthCheckService, []);
    monitor.onApplicationBootstrap();
    await monitor.answer();
    await jest.advanceTimersByTimeAsync(READINESS_REFRESH_MS); // the second run starts and hangs
    await expect(monitor.answer()).resolves.toEqual(up); // answered from the first, at once
    await jest.advanceTimersByTimeAsync(READINESS_STALE_MS);
    const waiting = monitor.answer();
    finish({ ...up, status: 'ok' });
    await expect(waiting).resolves.toEqual(up);
    expect(health.calls).toBe(2);
    monitor.onApplicationShutdown();
  });
});
