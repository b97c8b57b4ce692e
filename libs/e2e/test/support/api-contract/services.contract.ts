import { aDenialReport } from '@claimflow/domain/testing';
import { fixture, scenario } from '../fixtures';
import { json, x12, type ContractContext } from './context';

/** The validator's validate and check routes. */
export function validatorContract(ctx: ContractContext): void {
  it('validator: a claim validated and checked (no key), an invalid claim, malformed JSON', async () => {
    const c = ctx.clients.validator;
    const claim = {
      claimId: 'contract-1',
      submitterClaimId: 'LESI-1',
      placeOfService: '11',
      billingProvider: { npi: '1234567893', zip: '10016' },
      lines: [
        { lineNumber: 1, code: '62323', modifiers: [], units: 1, dateOfService: '2025-03-10' },
        { lineNumber: 2, code: '77003', modifiers: [], units: 1, dateOfService: '2025-03-10' },
      ],
    };
    expect((await c.call('POST', '/v1/validate', '/v1/validate', { body: JSON.stringify(claim), headers: json })).status).toBe(200);
    expect((await c.call('POST', '/v1/validate', '/v1/validate', { body: '{"lines": []}', headers: json })).status).toBe(422);
    expect((await c.call('POST', '/v1/validate', '/v1/validate', { body: '{', headers: json })).status).toBe(400);

    const check = (body: string, headers: Record<string, string> = json) => c.call('POST', '/v1/check', '/v1/check', { body, headers });
    expect(await check(scenario('lesi-62323-77003-pos11'))).toMatchObject({ status: 200, body: { claims: [{ status: 'priced' }] } });
    expect(await check(fixture('x12/single-claim.x12'), x12)).toMatchObject({ status: 200, body: { format: 'x12' } });
    expect((await check('{"lines": []}')).status).toBe(422);
    expect((await check('<claim/>', { 'content-type': 'application/xml' })).status).toBe(415);
  });
}

/** Pricing's fee look-up. */
export function pricingContract(ctx: ContractContext): void {
  it('pricing: a fee look-up and each refusal', async () => {
    const c = ctx.clients.pricing;
    const path = '/v1/fee-schedule/{code}';
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=10016&latest=true&modifier=26')).status).toBe(200);
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=100')).status).toBe(400);
    // A full year that lacks the code says so; the CY2026 excerpt shipped here says it is an excerpt (#27).
    expect(await c.call('GET', path, '/v1/fee-schedule/0000T?date=2025-06-01')).toMatchObject({
      status: 404,
      body: { code: 'CODE_UNKNOWN' },
    });
    expect(await c.call('GET', path, '/v1/fee-schedule/0000T?latest=true')).toMatchObject({
      status: 404,
      body: { code: 'CODE_NOT_IN_EXCERPT' },
    });
    expect(await c.call('GET', path, '/v1/fee-schedule/7700?latest=true')).toMatchObject({
      status: 400,
      body: { code: 'CODE_INVALID', errors: [{ path: 'code', code: 'CODE_INVALID' }] },
    });
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=10016&date=1999-01-01')).status).toBe(422);
  });
}

/** Feedback's denial reports and patterns. */
export function feedbackContract(ctx: ContractContext): void {
  it('feedback: a report stored, replayed and refused; patterns and their publication read', async () => {
    const c = ctx.clients.feedback;
    const report = JSON.stringify(aDenialReport());
    const keyed = { ...json, ...ctx.reporter.headers };
    const key = { ...keyed, 'idempotency-key': 'contract-key-0001' };
    const post = (body: string, headers: Record<string, string>) =>
      c.call('POST', '/v1/denial-reports', '/v1/denial-reports', { body, headers });
    expect((await post(report, key)).status).toBe(201);
    expect((await post(report, key)).status).toBe(201);
    expect((await post(JSON.stringify(aDenialReport({ state: 'NY' })), key)).status).toBe(409);
    expect((await post(report, { ...keyed, 'idempotency-key': 'short' })).status).toBe(400);
    expect((await post(report, { ...ctx.reporter.headers, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('{"state": "XX"}', keyed)).status).toBe(422);
    expect(await post(report, json)).toMatchObject({ status: 401, body: { code: 'API_KEY_MISSING' } });
    expect(await post(report, { ...json, ...ctx.submitter.headers })).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    const patterns = '/v1/codes/{code}/denial-patterns';
    expect(await c.call('GET', patterns, '/v1/codes/77003/denial-patterns')).toMatchObject({
      status: 200,
      body: { status: 'insufficient' },
    });
    expect((await c.call('GET', patterns, '/v1/codes/77003/denial-patterns?year=2026')).status).toBe(200);
    expect((await c.call('GET', patterns, '/v1/codes/77003/denial-patterns?state=ZZ&color=red')).status).toBe(400);
    expect((await c.call('GET', patterns, '/v1/codes/77003/denial-patterns?state=PA&year=2026')).status).toBe(400);
    expect(await c.call('GET', patterns, '/v1/codes/7700/denial-patterns')).toMatchObject({ status: 400, body: { code: 'CODE_INVALID' } });
    const publication = await c.call('GET', '/v1/denial-patterns/publication', '/v1/denial-patterns/publication');
    expect(publication).toMatchObject({ status: 200, body: { threshold: 5, rounding: 5 } });
  });
}

/** The web service's own API (code look-up, localities, reference-data status). */
export function webContract(ctx: ContractContext): void {
  it('web: the code look-up, its refusals, and the reference-data status', async () => {
    const c = ctx.clients.web;
    expect((await c.call('GET', '/api/codes/{code}', '/api/codes/77003?date=2025-06-01')).status).toBe(200);
    expect(await c.call('GET', '/api/codes/{code}', '/api/codes/7700?date=2025-06-01')).toMatchObject({
      status: 400,
      body: { code: 'CODE_INVALID', errors: [{ path: 'code', code: 'CODE_INVALID' }] },
    });
    expect((await c.call('GET', '/api/codes/{code}', '/api/codes/77003?date=2025-13-45')).status).toBe(400);
    expect(await c.call('GET', '/api/codes/{code}', '/api/codes/0000T?date=2025-06-01')).toMatchObject({
      status: 404,
      body: { code: 'CODE_UNKNOWN' },
    });
    expect((await c.call('GET', '/api/localities', '/api/localities?date=2025-06-01')).status).toBe(200);
    expect((await c.call('GET', '/api/localities', '/api/localities?date=June')).status).toBe(400);
    const status = await c.call('GET', '/api/refdata/status', '/api/refdata/status');
    expect(status).toMatchObject({ status: 200, body: { line: expect.any(String) } });
    expect((status.body as { coverage: unknown[] }).coverage.length).toBeGreaterThan(0);
  });
}
