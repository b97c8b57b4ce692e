import { mintTestKey } from '@claimflow/testing';
import { authCalls, CLAIM, type AuthContext } from './context';

/** Keys: a claim shown to its key's owner; 401 without a valid key, 403 without the route's scope. */
export function keysAuth(ctx: AuthContext): void {
  const { post, read } = authCalls(ctx);

  it('prices a claim sent with a key and shows it to its owner, as JSON and as a FHIR ClaimResponse', async () => {
    const sent = await post(CLAIM, ctx.a.headers, '?wait=20s');
    expect(sent.status).toBe(200);
    ctx.claimOfA = sent.body.claims![0].claimId;
    const view = await read(ctx.claimOfA, ctx.a.headers);
    expect(view).toMatchObject({ status: 200, body: { claimId: ctx.claimOfA, submitterId: 'org-a', status: 'priced' } });
    const fhir = await read(ctx.claimOfA, ctx.a.headers, '', 'application/fhir+json');
    expect(fhir).toMatchObject({ status: 200, body: { resourceType: 'ClaimResponse' } });
  });

  it('answers 401 with WWW-Authenticate without a key, with an unknown key and with a revoked one', async () => {
    const none = await post(CLAIM, {});
    expect(none).toMatchObject({ status: 401, body: { code: 'API_KEY_MISSING' } });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="claimflow"/);
    expect((await read(ctx.claimOfA, {})).status).toBe(401);
    expect((await read(ctx.claimOfA, { authorization: 'Basic b3JnLWE6eA==' })).status).toBe(401);

    const unknown = await read(ctx.claimOfA, { authorization: `Bearer cf_live_${'A'.repeat(43)}` });
    expect(unknown).toMatchObject({ status: 401, body: { code: 'API_KEY_INVALID' } });
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const soonRevoked = await mintTestKey(ctx.h.db.url, { owner: 'org-a', scopes: ['claims:read'] });
    expect((await read(ctx.claimOfA, soonRevoked.headers)).status).toBe(200);
    await soonRevoked.revoke();
    const revoked = await read(ctx.claimOfA, soonRevoked.headers);
    expect(revoked).toMatchObject({ status: 401, body: { code: 'API_KEY_INVALID' } });
    expect(JSON.stringify(revoked.body)).toBe(JSON.stringify(unknown.body));
  });

  it('answers 403 for a key without the scope the route needs', async () => {
    const readOnly = await mintTestKey(ctx.h.db.url, { owner: 'org-a', scopes: ['claims:read'] });
    const submitOnly = await mintTestKey(ctx.h.db.url, { owner: 'org-a', scopes: ['claims:submit'] });
    const reporter = await mintTestKey(ctx.h.db.url, { owner: 'org-a', scopes: ['reports:submit'] });
    expect(await post(CLAIM, readOnly.headers)).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    expect(await post(CLAIM, reporter.headers)).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    expect(await read(ctx.claimOfA, submitOnly.headers)).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
  });
}
