import fc from 'fast-check';
import { WebConfigSchema } from '../config/web.config';
import { serviceRoutes, upstreamDecision } from './service-routes';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261205;
const routes = serviceRoutes(WebConfigSchema.parse({ INGEST_URL: 'http://10.0.0.1:4001', VALIDATOR_URL: 'http://validator:3002' }));
const ORIGINS = new Set(routes.map((r) => new URL(r.target).origin));

/** Path pieces an attacker would combine: dot segments, encoded separators in any case, backslashes, doubled slashes. */
const piece = fc.oneof(
  fc.constantFrom('v1', 'claims', 'metrics', 'health', 'ready', 'docs', 'openapi.json', '..', '.', '', 'x'),
  fc.constantFrom(
    '%2e',
    '%2E',
    '%2e%2e',
    '.%2e',
    '%2E.',
    '%2f',
    '%2F',
    '%5c',
    '%5C',
    '\\',
    '..\\',
    '%252e',
    '%c0%ae',
    '//',
    '@evil',
    ':80',
  ),
  fc.string({ maxLength: 6 }),
);
const browserPath = fc
  .tuple(
    fc.constantFrom(...routes.map((r) => r.prefix), '/api/'),
    fc.array(piece, { maxLength: 8 }),
    fc.option(fc.constantFrom('?wait=5s', '?x=%2e%2e', '?a=/../metrics', '#frag'), { nil: '' }),
  )
  .map(([prefix, pieces, tail]) => prefix + pieces.join('/') + tail);

describe('the proxy path rule (fast-check)', () => {
  it('forwards only to the service origin, under /v1/, with no dot segment left', () => {
    fc.assert(
      fc.property(browserPath, (path) => {
        const decision = upstreamDecision(routes, path);
        if (decision.kind !== 'forward') return;
        const url = new URL(decision.url);
        expect(ORIGINS.has(url.origin)).toBe(true);
        expect(url.origin).toBe(new URL(decision.route.target).origin);
        expect(url.pathname.startsWith('/v1/')).toBe(true);
        expect(url.pathname.split('/')).not.toContain('..');
        // What is forwarded is already normal: resolving it again changes nothing.
        expect(new URL(decision.url).href).toBe(decision.url);
      }),
      { numRuns: RUNS, seed },
    );
  });

  it('refuses every encoded dot, slash or backslash and every backslash in the path, in any case', () => {
    const trick = fc.constantFrom('%2e', '%2E', '%2f', '%2F', '%5c', '%5C', '\\');
    fc.assert(
      fc.property(
        fc.constantFrom(...routes.map((r) => r.prefix)),
        fc.string({ maxLength: 10 }),
        trick,
        fc.string({ maxLength: 10 }),
        (prefix, a, t, b) => {
          const path = `${prefix}v1/${a.replace(/[?#]/g, '')}${t}${b.replace(/[?#]/g, '')}`;
          expect(upstreamDecision(routes, path)).toMatchObject({ kind: 'refuse', status: 400 });
        },
      ),
      { numRuns: RUNS, seed },
    );
  });

  it('never sends a path that leaves /v1/ after normalisation', () => {
    const escape = fc.array(fc.constantFrom('..', '.', 'a', ''), { minLength: 1, maxLength: 6 });
    const inside = fc.constantFrom('metrics', 'health/ready', 'docs', 'openapi.json', 'health');
    fc.assert(
      fc.property(fc.constantFrom(...routes.map((r) => r.prefix)), escape, inside, (prefix, steps, target) => {
        const decision = upstreamDecision(routes, `${prefix}v1/${steps.join('/')}/${target}`);
        if (decision.kind === 'forward') expect(new URL(decision.url).pathname.startsWith('/v1/')).toBe(true);
      }),
      { numRuns: RUNS, seed },
    );
  });

  it('answers the walks of issue 25 with 400 or 404, never a forward', () => {
    for (const service of ['ingest', 'validator', 'pricing', 'feedback'])
      for (const inside of ['metrics', 'health/ready', 'docs', 'openapi.json']) {
        for (const walk of ['%2e%2e', '%2E%2E', '.%2e', '%2e.', '..%2f..', '..%5c..', '..\\..'])
          expect(upstreamDecision(routes, `/api/${service}/v1/${walk}/${inside}`)).toMatchObject({ kind: 'refuse', status: 400 });
        expect(upstreamDecision(routes, `/api/${service}/v1/../${inside}`)).toMatchObject({ kind: 'refuse', status: 404 });
        expect(upstreamDecision(routes, `/api/${service}//evil.example/v1/${inside}`)).toMatchObject({ kind: 'refuse' });
      }
    expect(upstreamDecision(routes, '/api/ingest/v1/a/../claims?wait=5s')).toMatchObject({
      kind: 'forward',
      url: 'http://10.0.0.1:4001/v1/claims?wait=5s',
    });
  });
});
