import { WebConfigSchema } from '../config/web.config';
import { serviceRoutes, upstreamUrl } from './service-routes';

describe('serviceRoutes', () => {
  const routes = serviceRoutes(WebConfigSchema.parse({ INGEST_URL: 'http://10.0.0.1:4001/', PRICING_URL: 'http://pricing:3003' }));

  it('maps a browser path to the owning service, keeping the query', () => {
    expect(upstreamUrl(routes, '/api/ingest/v1/claims?wait=10s')?.url).toBe('http://10.0.0.1:4001/v1/claims?wait=10s');
    expect(upstreamUrl(routes, '/api/pricing/v1/fee-schedule/77003?date=2025-01-01')?.url).toBe(
      'http://pricing:3003/v1/fee-schedule/77003?date=2025-01-01',
    );
    expect(upstreamUrl(routes, '/api/feedback/v1/codes/77003/denial-patterns')?.url).toBe(
      'http://127.0.0.1:3004/v1/codes/77003/denial-patterns',
    );
  });

  it('leaves the web service its own paths', () => {
    expect(upstreamUrl(routes, '/api/codes/77003')).toBeNull();
    expect(upstreamUrl(routes, '/api/ingestion/x')).toBeNull();
    expect(upstreamUrl(routes, '/codes/77003')).toBeNull();
  });

  it('keeps health and readiness details of the services inside', () => {
    expect(upstreamUrl(routes, '/api/ingest/health/ready')).toBeNull();
    expect(upstreamUrl(routes, '/api/feedback/health')).toBeNull();
    expect(upstreamUrl(routes, '/api/pricing/v1/../health/ready')).toBeNull();
    expect(upstreamUrl(routes, '/api/pricing/metrics')).toBeNull();
  });
});
