import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import type { ClaimListAnswer } from '@claimflow/contracts';
import { mintTestKey, type TestApiKey } from '@claimflow/testing';
import { fixture, startIngest, submissionHeaders, type RunningIngest } from './support/ingest-app';
import { seedLedger, type SeededClaim } from './support/list-claims-seed';

/** GET /v1/claims on ingest in-process: real HTTP, the real ledger in Postgres, rows of two owners. */
describe('GET /v1/claims (real Postgres)', () => {
  let ingest: RunningIngest;
  let sql: Client;
  let other: TestApiKey;
  let mine: SeededClaim[];
  let theirs: SeededClaim[];

  beforeAll(async () => {
    ingest = await startIngest('list-claims');
    sql = new Client({ connectionString: ingest.db.url });
    await sql.connect();
    other = await mintTestKey(ingest.db.url, { owner: 'clinic-b', scopes: ['claims:submit', 'claims:read'] });
    // The same claim numbers, dates and results for both owners: whatever leaks shows.
    mine = await seedLedger(sql, ingest.key.owner);
    theirs = await seedLedger(sql, other.owner);
  });

  afterAll(async () => {
    await sql?.end();
    await ingest?.close();
  });

  const get = async (key: TestApiKey, path: string) => {
    const res = await fetch(ingest.url + path, { headers: key.headers });
    return { status: res.status, body: (await res.json()) as ClaimListAnswer & { code?: string; errors?: { path: string }[] } };
  };

  /** Every page of a query, following links.next; `between` runs before each next page. */
  const allPages = async (key: TestApiKey, query: string, between: () => Promise<unknown> = async () => undefined) => {
    const ids: string[] = [];
    const seen: ClaimListAnswer['claims'] = [];
    let path: string | undefined = `/v1/claims?${query}`;
    while (path) {
      const { status, body } = await get(key, path);
      expect(status).toBe(200);
      ids.push(...body.claims.map((c) => c.claimId));
      seen.push(...body.claims);
      path = body.links.next;
      if (path) {
        expect(body.cursor).toBeDefined();
        expect(path).toContain(`cursor=${body.cursor}`);
        await between();
      }
    }
    return { ids, claims: seen };
  };

  const newestFirst = (claims: readonly SeededClaim[]) =>
    [...claims].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id)).map((c) => c.id);

  const FILTERS: Record<string, (c: SeededClaim) => boolean> = {
    '': () => true,
    'status=rejected': (c) => c.status === 'rejected',
    'status=priced,voided&status=replaced': (c) => ['priced', 'voided', 'replaced'].includes(c.status),
    'receivedSince=2026-11-01T00:03:00Z&receivedUntil=2026-11-01T00:07:00.000Z': (c) =>
      c.receivedAt >= '2026-11-01T00:03:00.000Z' && c.receivedAt < '2026-11-01T00:07:00.000Z',
    'serviceFrom=2026-10-05&serviceTo=2026-10-06': (c) =>
      c.serviceFrom !== undefined && c.serviceTo! >= '2026-10-05' && c.serviceFrom <= '2026-10-06',
    'serviceFrom=2026-10-09': (c) => c.serviceTo !== undefined && c.serviceTo >= '2026-10-09',
    'submitterClaimId=PCN-DUP': (c) => c.submitterClaimId === 'PCN-DUP',
    'editCode=PTP_BUNDLED': (c) => c.editCodes.includes('PTP_BUNDLED'),
    'editCode=MUE_EXCEEDED,PTP_BUNDLED': (c) => c.editCodes.length > 0,
    'denied=true': (c) => c.denied === true,
    'denied=false': (c) => c.denied === false,
    'payerOutcome=true': (c) => c.payerOutcome,
    'payerOutcome=false': (c) => !c.payerOutcome,
    'status=priced&denied=false&payerOutcome=true': (c) => c.status === 'priced' && c.denied === false && c.payerOutcome,
  };

  it.each(Object.keys(FILTERS))('"%s" lists exactly the owner’s matching claims, newest first, a page at a time', async (query) => {
    for (const [key, claims] of [
      [ingest.key, mine],
      [other, theirs],
    ] as const) {
      const expected = newestFirst(claims.filter(FILTERS[query]));
      const { ids } = await allPages(key, `${query}${query ? '&' : ''}limit=3`);
      expect(ids).toEqual(expected);
    }
    expect(newestFirst(mine.filter(FILTERS[query])).length).toBeGreaterThan(0);
  });

  it('never shows another owner’s claim, in any filter or page', async () => {
    const theirIds = new Set(theirs.map((c) => c.id));
    for (const query of Object.keys(FILTERS)) {
      const { ids } = await allPages(ingest.key, `${query}&limit=4`);
      expect(ids.filter((id) => theirIds.has(id))).toEqual([]);
    }
  });

  it('answers the list item’s facts, with a link to the claim', async () => {
    const { body } = await get(ingest.key, '/v1/claims?submitterClaimId=PCN-0');
    const seeded = mine.find((c) => c.submitterClaimId === 'PCN-0')!;
    expect(body.claims).toEqual([
      expect.objectContaining({
        claimId: seeded.id,
        status: seeded.status,
        receivedAt: seeded.receivedAt,
        serviceFrom: seeded.serviceFrom,
        serviceTo: seeded.serviceTo,
        editCodes: seeded.editCodes,
        denied: seeded.denied,
        payerOutcome: seeded.payerOutcome,
        links: { self: `/v1/claims/${seeded.id}` },
      }),
    ]);
    expect(body.links).toEqual({});
    expect(body.cursor).toBeUndefined();
  });

  it('finds a submitted claim by the PM system’s own number, for its owner only', async () => {
    const number = `LOOKUP-${randomUUID().slice(0, 8)}`;
    const claim = { ...JSON.parse(fixture('json/lesi-pos22.claim.json')), submitterClaimId: number };
    const submitted = await fetch(`${ingest.url}/v1/claims`, {
      method: 'POST',
      headers: submissionHeaders(ingest, 'application/json'),
      body: JSON.stringify(claim),
    });
    expect(submitted.status).toBe(202);
    const { claims } = (await submitted.json()) as { claims: { claimId: string }[] };
    const { status, body } = await get(ingest.key, `/v1/claims?submitterClaimId=${number}`);
    expect(status).toBe(200);
    expect(body.claims.map((c) => [c.claimId, c.submitterClaimId, c.serviceFrom, c.serviceTo])).toEqual([
      [claims[0].claimId, number, '2025-03-14', '2025-03-14'],
    ]);
    expect((await get(other, `/v1/claims?submitterClaimId=${number}`)).body.claims).toEqual([]);
  });

  it('lists every claim once while new claims arrive between pages', async () => {
    const before = (await allPages(ingest.key, 'limit=500')).ids;
    let arrived = 0;
    const submitOne = async () => {
      const claim = { ...JSON.parse(fixture('json/lesi-pos22.claim.json')), submitterClaimId: `ARRIVING-${randomUUID().slice(0, 8)}` };
      const res = await fetch(`${ingest.url}/v1/claims`, {
        method: 'POST',
        headers: submissionHeaders(ingest, 'application/json'),
        body: JSON.stringify(claim),
      });
      expect(res.status).toBe(202);
      arrived++;
    };
    const { ids, claims } = await allPages(ingest.key, 'limit=5', submitOne);
    expect(arrived).toBeGreaterThan(5);
    // Newer claims sort before the cursor: a walk started earlier neither repeats nor skips a claim.
    expect(ids).toEqual(before);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = claims.map((c) => `${c.receivedAt}|${c.claimId}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect((await allPages(ingest.key, 'limit=500')).ids).toHaveLength(before.length + arrived);
  });

  it.each([
    ['limit=0', ['limit']],
    ['limit=501', ['limit']],
    ['limit=ten', ['limit']],
    ['status=paid', ['status']],
    ['editCode=BUNDLED', ['editCode']],
    ['receivedSince=last-week', ['receivedSince']],
    ['serviceFrom=2026-02-30', ['serviceFrom']],
    ['serviceFrom=2026-03-01&serviceTo=2026-02-01', ['serviceTo']],
    ['denied=1&payerOutcome=no', ['denied', 'payerOutcome']],
    ['submitterClaimId=', ['submitterClaimId']],
    ['cursor=not-a-cursor', ['cursor']],
    [`cursor=${Buffer.from('{"v":1,"r":"2026-11-01T00:00:00.000Z","i":"x"}').toString('base64url')}`, ['cursor']],
    ['offset=50', ['offset']],
    ['status[a]=priced', ['status[a]']],
  ])('?%s is a 400 naming %j', async (query, fields) => {
    const { status, body } = await get(ingest.key, `/v1/claims?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe('PARAM_INVALID');
    expect(body.errors!.map((e) => e.path).sort()).toEqual(fields);
  });

  it('needs a key with claims:read', async () => {
    const submitOnly = await mintTestKey(ingest.db.url, { owner: ingest.key.owner, scopes: ['claims:submit'] });
    expect((await get(submitOnly, '/v1/claims')).status).toBe(403);
    expect((await fetch(`${ingest.url}/v1/claims`)).status).toBe(401);
  });
});
