import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { TOPICS, type DenialReportSubmittedV1 } from '@claimflow/contracts';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { FeedbackConfigSchema } from '@claimflow/service-feedback';
import { TopicRecorder, mintTestKey, waitFor, kafkaServiceEnv } from '@claimflow/testing';
import { fixture } from './support/fixtures';
import { getClaim, submit } from './support/http';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';
import { FEEDBACK_SERVICE } from '@claimflow/service-feedback';

interface RemitAnswer {
  claims: { patientControlNumber: string; claimId?: string; unmatched?: string; lines: { lineNumber?: number; outcome?: string }[] }[];
  problems: { errors: { code: string; path: string }[] }[];
  contributed: number;
  notContributed: unknown[];
  summary: { claims: number; unmatched: number; problems: number };
}

describe('remittances: an 835 posted against checked claims (real Kafka and Postgres)', () => {
  let h: PipelineHarness;
  let reports: TopicRecorder;
  let feedback: INestApplication;
  // Each submitter organisation sends with an API key of its own (claims:submit and claims:read; reports:submit
  // for northside, which contributes denial reports).
  let submitter: Record<string, string>;
  let submitterKeyId: string;
  let outsider: Record<string, string>;
  const logs: string[] = [];

  beforeAll(async () => {
    h = await startPipelineHarness('remits', { logStream: { write: (line: string) => logs.push(line) }, extra: { LOG_LEVEL: 'info' } });
    const contributing = await mintTestKey(h.db.url, { owner: 'northside', scopes: ['claims:submit', 'claims:read', 'reports:submit'] });
    [submitter, submitterKeyId] = [{ ...contributing.headers }, contributing.id];
    outsider = { ...(await h.keyOf('someone-else')).headers };
    reports = await TopicRecorder.start(h.infra.kafkaBrokers, [h.topic(TOPICS.denialReportsSubmitted)], `remits-reports${h.suffix}`);
    // The feedback service on the same topics and database, consuming the contributed reports.
    const config = parseConfig(FeedbackConfigSchema, {
      DATABASE_URL: h.db.urls.feedback,
      KAFKA_BROKERS: h.infra.kafkaBrokers.join(','),
      ...kafkaServiceEnv('feedback', h.infra.kafkaBrokers),
      TOPIC_SUFFIX: h.suffix,
      PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    });
    feedback = await startConfiguredService(FEEDBACK_SERVICE, config);
  });

  afterAll(async () => {
    await feedback?.close();
    await reports?.stop();
    await h?.close();
  });

  const postRemit = async (
    body: string,
    query = '',
    headers: Record<string, string> | undefined = submitter,
    type = 'application/edi-x12',
  ) => {
    const res = await fetch(`${h.pipeline.ingestUrl}/v1/remittances${query}`, {
      method: 'POST',
      headers: { 'content-type': type, ...headers },
      body,
    });
    return { status: res.status, body: (await res.json()) as RemitAnswer & { code?: string } };
  };

  it('records the payer outcome per line beside the prediction, contributes reports, and measures the edits', async () => {
    const checked = await submit(h.pipeline.ingestUrl, fixture('x12/single-claim.x12'), 'application/edi-x12', submitter, '?wait=20s');
    const claimId = checked.body.claims[0].claimId;
    expect((await getClaim(h.pipeline.ingestUrl, claimId, '20s', 'application/json', submitter)).status).toBe('priced');

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
    const audits = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.audit && l.action === 'remittance.submit');
    expect(audits).toEqual([
      expect.objectContaining({
        result: 'ok',
        keyId: submitterKeyId,
        owner: 'northside',
        resources: [claimId],
        counts: { claimPayments: 3, unmatched: 2, problems: 0 },
        contributed: 1,
      }),
    ]);
    expect(JSON.stringify(audits)).not.toContain('LESI-2025-0001');

    const view = await getClaim<{ payerOutcome: { lines: Record<string, unknown>[] } }>(
      h.pipeline.ingestUrl,
      claimId,
      '20s',
      'application/json',
      submitter,
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

    const topic = h.topic(TOPICS.denialReportsSubmitted);
    await waitFor(() => reports.on(topic).length >= 1, { description: 'the contributed denial report' });
    const sent = reports.on(topic).map((m) => m.json<DenialReportSubmittedV1>());
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
    await waitFor(() => reports.on(topic).length >= 2, { description: 'the report sent again' });
    const keys = reports.on(topic).map((m) => m.json<DenialReportSubmittedV1>().idempotencyKey);
    expect(new Set(keys).size).toBe(1);

    const accuracy = await fetch(`${h.pipeline.ingestUrl}/v1/edit-accuracy`, { headers: submitter });
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
    const client = new Client({ connectionString: h.db.url });
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

  it('applies a reversal and its correction in order, and keeps other submitters out', async () => {
    const { body } = await postRemit(fixture('x835/reversal-correction.835'));
    expect(body.claims.map((c) => c.lines.map((l) => l.outcome))).toEqual([
      ['reversed', 'reversed'],
      ['paid', 'paid'],
    ]);
    const view = await getClaim<{ payerOutcome: { lines: { outcome: string; paid: number }[] } }>(
      h.pipeline.ingestUrl,
      body.claims[1].claimId ?? '',
      '20s',
      'application/json',
      submitter,
    );
    expect(view.payerOutcome.lines.map((l) => [l.outcome, l.paid])).toEqual([
      ['paid', 313.6],
      ['paid', 35.28],
    ]);
    const stranger = await postRemit(fixture('x835/reversal-correction.835'), '', outsider);
    expect(stranger.body.claims.map((c) => c.unmatched)).toEqual(['NO_CLAIM', 'NO_CLAIM']);
    const theirs = (await (await fetch(`${h.pipeline.ingestUrl}/v1/edit-accuracy`, { headers: outsider })).json()) as {
      lines: number;
    };
    expect(theirs.lines).toBe(0);
  });

  it('answers bad input with a 4xx naming the problem, and a malformed 835 with its field errors', async () => {
    expect((await postRemit('x', '', {})).status).toBe(401);
    expect((await postRemit('{}', '', submitter, 'application/json')).status).toBe(415);
    expect((await postRemit('x', '?contribute=maybe')).status).toBe(400);
    // Contributing sends denial reports: a key without reports:submit may post the 835, not contribute it.
    const noReports = await postRemit(fixture('x835/paid-denied-adjusted.835'), '?contribute=true', outsider);
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
    expect((await fetch(`${h.pipeline.ingestUrl}/v1/edit-accuracy`)).status).toBe(401);
    expect((await fetch(`${h.pipeline.ingestUrl}/v1/edit-accuracy?view=all`, { headers: submitter })).status).toBe(400);
    // One submitter is below the five-reporter floor: the public view shows nothing of it, nor how much it withholds.
    const open = await fetch(`${h.pipeline.ingestUrl}/v1/edit-accuracy/public`);
    expect(open.status).toBe(200);
    const published = (await open.json()) as Record<string, unknown>;
    expect(published).toMatchObject({ lines: null, denied: null, byEdit: [], minReporters: 5, rounding: 5 });
    expect(published).not.toHaveProperty('suppressed');
  });
});
