import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TOPICS } from '@claimflow/contracts';
import { waitFor } from '@claimflow/testing';
import { authCalls, CLAIM, type Answer, type AuthContext } from './context';

/** Owners: one owner's claims are invisible and untouchable to another, over HTTP and over Kafka. */
export function ownersAuth(ctx: AuthContext): void {
  const { post, read, ledger } = authCalls(ctx);

  it("gives B the same 404 for A's claim as for an id that does not exist: JSON, FHIR and ?wait", async () => {
    const nowhere = randomUUID();
    const notFound = (r: Answer, id: string) => ({ status: r.status, body: JSON.stringify(r.body).replaceAll(id, '{id}') });
    const expected = notFound(await read(nowhere, ctx.b.headers), nowhere);
    expect(expected.status).toBe(404);
    for (const [query, accept] of [
      ['', 'application/json'],
      ['', 'application/fhir+json'],
      ['?wait=5s', 'application/json'],
      ['?wait=5s', 'application/fhir+json'],
    ]) {
      const started = Date.now();
      expect(notFound(await read(ctx.claimOfA, ctx.b.headers, query, accept), ctx.claimOfA)).toEqual(expected);
      // Not held for the wait either: an unknown id is not waited on, so neither is someone else's claim.
      expect(Date.now() - started).toBeLessThan(4000);
    }
  });

  it("lets B's duplicate of A's content be B's own new claim, not A's id", async () => {
    const again = await post(CLAIM, ctx.a.headers);
    expect(again.body.claims![0]).toMatchObject({ claimId: ctx.claimOfA, status: 'duplicate' });
    const copy = await post(CLAIM, ctx.b.headers);
    expect(copy.status).toBe(202);
    expect(copy.body.claims![0].status).toBe('accepted');
    expect(copy.body.claims![0].claimId).not.toBe(ctx.claimOfA);
    expect((await ledger(copy.body.claims![0].claimId)).submitter_id).toBe('org-b');
  });

  it("changes nothing of A's claim when B sends a frequency-8 void naming it", async () => {
    const before = await ledger(ctx.claimOfA);
    // A void names the claim it supersedes by its submitter claim id: A's, here.
    const voided = await post({ ...CLAIM, frequencyCode: '8' }, ctx.b.headers, '?wait=20s');
    expect(voided.status).toBeLessThan(300);
    expect(voided.body.claims![0].claimId).not.toBe(ctx.claimOfA);
    expect(await ledger(ctx.claimOfA)).toEqual(before);
    expect(before.replaced_by_id).toBeNull();
    expect((await read(ctx.claimOfA, ctx.a.headers)).body).toMatchObject({ status: 'priced' });
    expect((await read(ctx.claimOfA, ctx.a.headers)).body.replacedBy).toBeUndefined();
    // (B voided its own copy, sent above.) A void naming no claim of its sender cancels nothing: refused with
    // 422 NOTHING_TO_VOID and never priced as a new claim; sent again, the same answer.
    for (let i = 0; i < 2; i++) {
      const nothing = await post({ ...CLAIM, submitterClaimId: 'NEVER-SENT-BY-B', frequencyCode: '8' }, ctx.b.headers, '?wait=20s');
      expect(nothing.status).toBe(422);
      expect(JSON.stringify(nothing.body)).toContain('NOTHING_TO_VOID');
      expect(JSON.stringify(nothing.body)).not.toContain('priced');
    }
  });

  it('refuses with 400, naming the field, a header or body submitter that is not the key owner', async () => {
    const header = await post(CLAIM, { ...ctx.a.headers, 'x-submitter-id': 'org-b' });
    expect(header).toMatchObject({ status: 400, body: { code: 'SUBMITTER_MISMATCH', field: 'X-Submitter-Id' } });
    const body = await post({ ...CLAIM, submitterId: 'org-b' }, ctx.a.headers);
    expect(body).toMatchObject({ status: 400, body: { code: 'SUBMITTER_MISMATCH', field: 'submitterId' } });
    const batch = await post(
      [
        { ...CLAIM, submitterClaimId: 'OK-1' },
        { ...CLAIM, submitterId: 'org-b' },
      ],
      ctx.a.headers,
    );
    expect(batch).toMatchObject({ status: 400, body: { field: '[1].submitterId' } });
    expect(header.body.message).not.toContain('org-b');
    const agreeing = await post(
      { ...CLAIM, submitterClaimId: 'AGREES', submitterId: 'org-a' },
      { ...ctx.a.headers, 'x-submitter-id': 'org-a' },
    );
    expect(agreeing.status).toBe(202);
  });

  it('names the field and the problem in intake errors, never the value sent', async () => {
    const bad = { ...CLAIM, submitterClaimId: 'BAD-VALUES', billingProvider: { npi: '1234567890', zip: '1001' }, diagnoses: ['7#7Z'] };
    const answer = await post(bad, ctx.a.headers);
    expect(answer.status).toBe(422);
    const errors = JSON.stringify(answer.body.rejected);
    expect(errors).toContain('billingProvider.npi');
    expect(errors).toContain('diagnoses[0]');
    for (const value of ['1234567890', '1001', '7#7Z']) expect(errors.includes(value) ? value : 'absent').toBe('absent');
  });

  it("takes the submitter of a Kafka claim from its owner's topic, ignores cf-submitter-id, and dead-letters a body that disagrees", async () => {
    const { submit } = await ctx.h.ownerTopics('org-a');
    const send = (key: string, claim: object, submitter: string) =>
      ctx.h.producer.send({
        topic: submit,
        messages: [{ key, value: JSON.stringify(claim), headers: { 'content-type': 'application/json', 'cf-submitter-id': submitter } }],
      });
    // On A's topic, a header naming B is not obeyed: the claim is A's.
    await send('KAFKA-A', { ...CLAIM, submitterClaimId: 'KAFKA-A' }, 'org-b');
    await send('KAFKA-MISMATCH', { ...CLAIM, submitterClaimId: 'KAFKA-MISMATCH', submitterId: 'org-b' }, 'org-a');
    const dead = await waitFor(
      () => ctx.h.recorder.on(ctx.h.topic(TOPICS.claimsDeadLetter)).find((m) => m.key === 'KAFKA-MISMATCH') ?? false,
      {
        description: 'the disagreeing Kafka claim on the dead-letter topic',
      },
    );
    expect(dead.json<{ reason: { code: string } }>().reason.code).toBe('SUBMITTER_MISMATCH');
    const priced = await waitFor(
      async () => {
        const client = new Client({ connectionString: ctx.h.db.url });
        await client.connect();
        try {
          const q = "SELECT id FROM claim_ledger WHERE submitter_claim_id = 'KAFKA-A' AND status = 'priced'";
          return ((await client.query(q)).rows[0]?.id as string | undefined) ?? false;
        } finally {
          await client.end();
        }
      },
      { description: 'the Kafka claim priced', timeoutMs: 30_000 },
    );
    expect((await read(priced, ctx.a.headers)).status).toBe(200);
    expect((await read(priced, ctx.b.headers)).status).toBe(404);
  });
}
