import fc from 'fast-check';
import { mintApiKey } from '../auth/api-key';
import { authorizationCount, keyInUrl } from './request-checks';

describe('credentials in URLs and repeated Authorization headers', () => {
  it('finds a key anywhere in the URL, encoded or not, and credential-named parameters', () => {
    const { key } = mintApiKey();
    for (const url of [
      `/v1/claims?api_key=${key}`,
      `/v1/claims?x=1&API-KEY=abc`,
      '/v1/claims?access_token=abc',
      '/v1/claims?token=abc',
      `/v1/claims/${key}`,
      `/v1/claims?q=${encodeURIComponent(key).replace('_', '%5F')}`,
      '/v1/claims?apikey=',
    ])
      expect([url, keyInUrl(url)]).toEqual([url, true]);
    for (const url of ['/v1/claims?wait=5s', '/v1/edit-accuracy?view=own', '/v1/fee-schedule/77003?locality=01112-05', '/v1/claims?x=%zz'])
      expect([url, keyInUrl(url)]).toEqual([url, false]);
  });

  it('never throws, whatever the URL', () => {
    fc.assert(
      fc.property(fc.string(), (s) => typeof keyInUrl(`/v1/x?${s}`) === 'boolean'),
      { numRuns: 500, seed: 20261205 },
    );
  });

  it('counts Authorization headers in any case, from the raw list Node keeps', () => {
    expect(authorizationCount(['Host', 'x', 'Authorization', 'Bearer a'])).toBe(1);
    expect(authorizationCount(['authorization', 'Bearer a', 'AUTHORIZATION', 'Bearer b'])).toBe(2);
    expect(authorizationCount([])).toBe(0);
  });
});
