import { fixture } from '../fixtures';
import { getClaim } from '../http';
import { remitCalls, type RemitContext } from './context';

/** Reversals and corrections in order, other submitters kept out, and bad input refused. */
export function correctionsRemits(ctx: RemitContext): void {
  const { postRemit } = remitCalls(ctx);

  it('applies a reversal and its correction in order, and keeps other submitters out', async () => {
    const { body } = await postRemit(fixture('x835/reversal-correction.835'));
    expect(body.claims.map((c) => c.lines.map((l) => l.outcome))).toEqual([
      ['reversed', 'reversed'],
      ['paid', 'paid'],
    ]);
    const view = await getClaim<{ payerOutcome: { lines: { outcome: string; paid: number }[] } }>(
      ctx.h.pipeline.ingestUrl,
      body.claims[1].claimId ?? '',
      '20s',
      'application/json',
      ctx.submitter,
    );
    expect(view.payerOutcome.lines.map((l) => [l.outcome, l.paid])).toEqual([
      ['paid', 313.6],
      ['paid', 35.28],
    ]);
    const stranger = await postRemit(fixture('x835/reversal-correction.835'), '', ctx.outsider);
    expect(stranger.body.claims.map((c) => c.unmatched)).toEqual(['NO_CLAIM', 'NO_CLAIM']);
    const theirs = (await (await fetch(`${ctx.h.pipeline.ingestUrl}/v1/edit-accuracy`, { headers: ctx.outsider })).json()) as {
      lines: number;
    };
    expect(theirs.lines).toBe(0);
  });

  it('answers bad input with a 4xx naming the problem, and a malformed 835 with its field errors', async () => {
    expect((await postRemit('x', '', {})).status).toBe(401);
    expect((await postRemit('{}', '', ctx.submitter, 'application/json')).status).toBe(415);
    expect((await postRemit('x', '?contribute=maybe')).status).toBe(400);
    // Contributing sends denial reports: a key without reports:submit may post the 835, not contribute it.
    const noReports = await postRemit(fixture('x835/paid-denied-adjusted.835'), '?contribute=true', ctx.outsider);
    expect(noReports).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    const bad = await postRemit(fixture('x835/malformed.835'));
    expect(bad.status).toBe(422);
    expect(bad.body.claims).toEqual([]);
    expect(bad.body.problems.flatMap((p) => p.errors.map((e) => e.code))).toEqual(
      expect.arrayContaining(['X12_TOTAL_MISMATCH', 'DATE_INVALID', 'REQUIRED', 'X12_SEGMENT_COUNT']),
    );
    const garbage = await postRemit('not an interchange at all');
    expect(garbage.status).toBe(422);
    expect(garbage.body.problems[0].errors[0].code).toBe('X12_ENVELOPE_INCOMPLETE');
    expect((await fetch(`${ctx.h.pipeline.ingestUrl}/v1/edit-accuracy`)).status).toBe(401);
    expect((await fetch(`${ctx.h.pipeline.ingestUrl}/v1/edit-accuracy?view=all`, { headers: ctx.submitter })).status).toBe(400);
    // One ctx.submitter is below the five-reporter floor: the public view shows nothing of it, nor how much it withholds.
    const open = await fetch(`${ctx.h.pipeline.ingestUrl}/v1/edit-accuracy/public`);
    expect(open.status).toBe(200);
    const published = (await open.json()) as Record<string, unknown>;
    expect(published).toMatchObject({ lines: null, denied: null, byEdit: [], minReporters: 5, rounding: 5 });
    expect(published).not.toHaveProperty('suppressed');
  });
}
