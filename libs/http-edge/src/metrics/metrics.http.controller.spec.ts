import { HttpException } from '@nestjs/common';
import type { ServiceMetrics } from '@claimflow/runtime';
import { MetricsHttpController } from './metrics.http.controller';

const metrics = { registry: { metrics: async () => 'claimflow_up 1\n' } } as unknown as ServiceMetrics;
const TOKEN = 'scrape-token-of-at-least-32-characters';

async function scrape(access: ConstructorParameters<typeof MetricsHttpController>[1], authorization?: string) {
  try {
    return { status: 200, body: await new MetricsHttpController(metrics, access).scrape(authorization) };
  } catch (e) {
    const error = e as HttpException;
    return { status: error.getStatus(), body: error.getResponse() };
  }
}

describe('GET /metrics', () => {
  it('is open in development without a token, and closed in production without one', async () => {
    expect(await scrape({})).toEqual({ status: 200, body: 'claimflow_up 1\n' });
    expect(await scrape({ production: true })).toMatchObject({ status: 404 });
  });

  it('with METRICS_TOKEN, answers only "Authorization: Bearer <token>"', async () => {
    for (const production of [false, true]) {
      expect(await scrape({ token: TOKEN, production }, `Bearer ${TOKEN}`)).toMatchObject({ status: 200 });
      expect(await scrape({ token: TOKEN, production })).toMatchObject({ status: 401, body: { code: 'METRICS_TOKEN_REQUIRED' } });
      expect(await scrape({ token: TOKEN, production }, `Bearer ${TOKEN}x`)).toMatchObject({ status: 401 });
      expect(await scrape({ token: TOKEN, production }, TOKEN)).toMatchObject({ status: 401 });
    }
  });
});
