import { startPipelineHarness } from './support/pipeline-harness';
import { SECRETS, type AuthContext } from './support/auth/context';
import { edgeAuth } from './support/auth/edge.auth';
import { keysAuth } from './support/auth/keys.auth';
import { ownersAuth } from './support/auth/owners.auth';

/**
 * Keys, owners and the edge, over one pipeline (starting it is the expensive part): the tests live by concern in
 * support/auth and are registered here in order; the last one reads the logs all of them wrote.
 */
describe('authenticated submitters: keys, owners and the edge (real Kafka and Postgres)', () => {
  const ctx = { logs: [] as string[] } as AuthContext;

  beforeAll(async () => {
    ctx.h = await startPipelineHarness('auth', {
      logStream: { write: (line: string) => ctx.logs.push(line) },
      // Request logging on, so the grep below has every request line to look through.
      extra: { LOG_LEVEL: 'debug', RATE_LIMIT_PUBLIC_CHECK: '2' },
    });
    [ctx.a, ctx.b] = await Promise.all([ctx.h.keyOf('org-a'), ctx.h.keyOf('org-b')]);
  });

  afterAll(() => ctx.h?.close());

  keysAuth(ctx);
  ownersAuth(ctx);
  edgeAuth(ctx);

  it('writes audit events for claim reads and failed key uses, and no claim content to any log', async () => {
    const lines = ctx.logs.map(
      (l) => JSON.parse(l) as { audit?: boolean; action?: string; result?: string; reason?: string; keyId?: string },
    );
    expect(lines.length).toBeGreaterThan(20);
    // Every HTTP request was logged (debug level), so the grep below ran over them all.
    expect(lines.filter((l) => 'req' in l).length).toBeGreaterThan(20);
    const audits = lines.filter((l) => l.audit);
    expect(audits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'claim.read', result: 'ok', keyId: ctx.a.id, owner: 'org-a', resource: ctx.claimOfA }),
        expect.objectContaining({ action: 'claim.read', result: 'not_found', keyId: ctx.b.id, owner: 'org-b', resource: ctx.claimOfA }),
        expect.objectContaining({ result: 'denied', reason: 'API_KEY_MISSING' }),
        expect.objectContaining({ result: 'denied', reason: 'API_KEY_INVALID', keyPrefix: 'cf_live_AAAA' }),
        expect.objectContaining({ result: 'denied', reason: 'API_KEY_REVOKED', owner: 'org-a' }),
        expect.objectContaining({ result: 'denied', reason: 'SCOPE_MISSING', owner: 'org-a' }),
      ]),
    );
    const all = ctx.logs.join('\n');
    for (const secret of SECRETS)
      expect(all.includes(secret) ? `${secret.length}-character value found in the ctx.logs` : 'absent').toBe('absent');
    expect(all).not.toContain(ctx.a.key);
  });
});
