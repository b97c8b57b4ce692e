import { Client } from 'pg';
import { TOPICS, type DenialReportSubmittedV1 } from '@claimflow/contracts';
import { waitFor } from '@claimflow/testing';
import { fixture } from '../fixtures';
import { getClaim, submit } from '../http';
import { remitCalls, type RemitContext } from './context';

/** An 835's payer outcome on the claim, the denial report it contributes, and that report as feedback stores it. */
export function contributionRemits(ctx: RemitContext): void {
  const { postRemit } = remitCalls(ctx);

  it('records the payer outcome per line beside the prediction, contributes reports, and measures the edits', async () => {
    const checked = await submit(
      ctx.h.pipeline.ingestUrl,
      fixture('x12/single-claim.x12'),
      'application/edi-x12',
      ctx.submitter,
      '?wait=20s',
    );
    const claimId = checked.body.claims[0].claimId;
    expect((await getClaim(ctx.h.pipeline.ingestUrl, claimId, '20s', 'application/json', ctx.submitter)).status).toBe('priced');

    const { status, body } = await postRemit(fixture('x835/paid-denied-adjusted.835'), '?contribute=true');
    expect(status).toBe(200);
    expect(body.claims).toEqual([
      {
        patientControlNumber: 'LESI-2025-0001',
        payerClaimControlNumber: '25290001234501',
        status: '1',
        claimId,
        lines: [
          { remitLine: 0, code: '62323', lineNumber: 1, outcome: 'paid' },
          { remitLine: 1, code: '77003', lineNumber: 2, outcome: 'denied' },
        ],
      },
      expect.objectContaining({ patientControlNumber: 'FACET-2025-0002', unmatched: 'NO_CLAIM' }),
      expect.objectContaining({ patientControlNumber: 'FLUORO-2025-0003', unmatched: 'NO_CLAIM' }),
    ]);
    expect(body.summary).toEqual({ claims: 3, unmatched: 2, problems: 0 });
    expect(body.contributed).toBe(1);
    // One audit line: who, what it touched (claim ids only), the counts and what it contributed.
    const audits = ctx.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.audit && l.action === 'remittance.submit');
    expect(audits).toEqual([
      expect.objectContaining({
        result: 'ok',
        keyId: ctx.submitterKeyId,
        owner: 'northside',
        resources: [claimId],
        counts: { claimPayments: 3, unmatched: 2, problems: 0 },
        contributed: 1,
      }),
    ]);
    expect(JSON.stringify(audits)).not.toContain('LESI-2025-0001');

    const view = await getClaim<{ payerOutcome: { lines: Record<string, unknown>[] } }>(
      ctx.h.pipeline.ingestUrl,
      claimId,
      '20s',
      'application/json',
      ctx.submitter,
    );
    expect(view.payerOutcome.lines).toEqual([
      expect.objectContaining({ lineNumber: 1, outcome: 'paid', carc: [], paid: 313.6, paidOn: '2025-10-20' }),
      expect.objectContaining({
        lineNumber: 2,
        outcome: 'denied',
        carc: ['CO-97'],
        rarc: ['N130'],
        paid: 0,
        predicted: { denied: true, edits: expect.arrayContaining(['GUIDANCE_INCLUDED']) },
      }),
    ]);

    const topic = ctx.h.topic(TOPICS.denialReportsSubmitted);
    await waitFor(() => ctx.reports.on(topic).length >= 1, { description: 'the contributed denial report' });
    const sent = ctx.reports.on(topic).map((m) => m.json<DenialReportSubmittedV1>());
    expect(sent).toHaveLength(1);
    const report = sent[0].report;
    expect(Object.keys(report).sort()).toEqual(
      ['appeal', 'billedCodes', 'claimflowEdits', 'deniedCode', 'denialMonth', 'denialReasons', 'payer', 'placeOfService', 'state'].sort(),
    );
    expect(report).toMatchObject({
      deniedCode: '77003',
      placeOfService: '22',
      payer: { type: 'medicare-part-b', macJurisdiction: 'JK' },
      state: 'NY',
      denialMonth: '2025-10',
      denialReasons: { carc: ['CO-97'], rarc: ['N130'] },
      appeal: { filed: false },
    });
    expect(report.claimflowEdits).toContain('GUIDANCE_INCLUDED');
    const raw = JSON.stringify(sent[0]);
    for (const value of ['LESI-2025-0001', claimId, '1234567893', '1049726353', '2025-03-14', 'M5416', '1EG4TE5MK73'])
      expect(raw).not.toContain(value);

    // Posting the same 835 again sends the same idempotency key, so the feedback service keeps one report.
    await postRemit(fixture('x835/paid-denied-adjusted.835'), '?contribute=true');
    await waitFor(() => ctx.reports.on(topic).length >= 2, { description: 'the report sent again' });
    const keys = ctx.reports.on(topic).map((m) => m.json<DenialReportSubmittedV1>().idempotencyKey);
    expect(new Set(keys).size).toBe(1);

    const accuracy = await fetch(`${ctx.h.pipeline.ingestUrl}/v1/edit-accuracy`, { headers: ctx.submitter });
    expect(accuracy.status).toBe(200);
    const figures = (await accuracy.json()) as {
      lines: number;
      denied: number;
      byEdit: { edit: string; flagged: number; denied: number }[];
    };
    expect(figures).toMatchObject({ lines: 2, denied: 1 });
    expect(figures.byEdit).toContainEqual({ edit: 'GUIDANCE_INCLUDED', flagged: 1, denied: 1, precision: 1 });
  });

  it('the feedback service stores the contributed report once, with nothing beyond the listed fields in any column', async () => {
    const client = new Client({ connectionString: ctx.h.db.url });
    await client.connect();
    try {
      const rows = async () => (await client.query('SELECT * FROM denial_report')).rows as Record<string, unknown>[];
      await waitFor(async () => (await rows()).length >= 1, { description: 'the contributed report stored by the feedback service' });
      const stored = await rows();
      // Sent twice (the same 835 posted again): one row, thanks to the idempotency key.
      expect(stored).toHaveLength(1);
      const expected: Record<string, (v: unknown) => boolean> = {
        id: (v) => typeof v === 'string',
        seq: (v) => v !== null,
        idempotency_key_hash: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
        content_hash: (v) => typeof v === 'string',
        denied_code: (v) => v === '77003',
        place_of_service: (v) => v === '22',
        payer_type: (v) => v === 'medicare-part-b',
        mac_jurisdiction: (v) => v === 'JK',
        state: (v) => v === 'NY',
        denial_month: (v) => v === 202510,
        billed_codes: (v) => Array.isArray(v) && v.length === 2, // contents checked below
        carc_codes: (v) => JSON.stringify(v) === '["CO-97"]',
        rarc_codes: (v) => JSON.stringify(v) === '["N130"]',
        what_happened: (v) => v === null,
        appeal_filed: (v) => v === false,
        appeal_level: (v) => v === null,
        appeal_outcome: (v) => v === null,
        what_worked: (v) => v === null,
        claimflow_edits: (v) => Array.isArray(v) && v.includes('GUIDANCE_INCLUDED'),
        received_on: (v) => v instanceof Date,
        // A keyed hash of the sending key (HMAC, secret outside the database), never the key, its id or its owner.
        reporter_hash: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
      };
      expect(stored[0].billed_codes).toEqual([
        { code: '62323', modifiers: [], units: 1 },
        { code: '77003', modifiers: ['26'], units: 1 },
      ]);
      for (const [column, value] of Object.entries(stored[0])) {
        expect({ column, known: column in expected }).toEqual({ column, known: true });
        expect({ column, ok: expected[column](value) }).toEqual({ column, ok: true });
      }
    } finally {
      await client.end();
    }
  });
}
