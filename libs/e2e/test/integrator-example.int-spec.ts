import { IMPLEMENTATION_277CA, IMPLEMENTATION_999 } from '@claimflow/domain';
import { elementsOf, readBack } from '@claimflow/domain/testing';
import { join } from 'node:path';
import { copyExampleWithSdk, runExample, type ExampleCopy, type ExampleRun } from './support/integrator-example';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

const FIXTURE = join(__dirname, '../../domain/src/intake/__fixtures__/x12/mixed-claims.x12');
/** The X12 text the example prints after a `label:` line, up to its IEA segment. */
const printed = (out: string, label: RegExp): string => {
  const from = out.split('\n').findIndex((l) => label.test(l));
  const rest = out.split('\n').slice(from + 1);
  return rest.slice(0, rest.findIndex((l) => l.startsWith('IEA*')) + 1).join('');
};

describe('docs/examples/integrator.mjs: an integrator’s round with the SDK against a real ingest (real Kafka, Postgres, HTTP receiver)', () => {
  let h: PipelineHarness;
  let example: ExampleCopy;
  let run: ExampleRun;
  let headers: Record<string, string>;

  beforeAll(async () => {
    example = copyExampleWithSdk();
    // The demo's setting: receivers on 127.0.0.1 allowed (the example's runs there).
    h = await startPipelineHarness('integrator', { extra: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
    const key = await h.keyOf('northside');
    headers = { ...key.headers };
    // The reader's command: node docs/examples/integrator.mjs file.x12, the URL and key in the environment.
    run = await runExample(example.script, [FIXTURE], { CLAIMFLOW_URL: h.pipeline.ingestUrl, CLAIMFLOW_API_KEY: key.key }, 45_000);
    if (process.env.SHOW_EXAMPLE === '1') process.stdout.write(run.stdout + run.stderr);
  });

  afterAll(async () => {
    await h?.close();
    example?.remove();
  });

  it('registers a webhook on its local receiver and hears a signed claim.final for each of the 3 claims', () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^webhook [0-9a-f-]{36} -> http:\/\/127\.0\.0\.1:\d+\/claimflow$/m);
    const finals = run.stdout.split('\n').filter((l) => l.startsWith('claim.final '));
    expect(finals.map((l) => l.split(/ +/)[1]).sort()).toEqual(['priced', 'priced', 'rejected']);
    expect(finals.every((l) => l.endsWith('(signature verified)'))).toBe(true);
  });

  it('deletes its webhook when done', async () => {
    const res = await fetch(`${h.pipeline.ingestUrl}/v1/webhooks`, { headers });
    expect(await res.json()).toEqual({ webhooks: [] });
  });

  it('submits the 837P and lists the submission’s claims, each final', () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^submitted: 202, Location \/v1\/submissions\/[0-9a-f-]{36}$/m);
    expect(run.stdout).toMatch(/^submission [0-9a-f-]{36}: 3 claims \{"priced":2,"rejected":1\}$/m);
    const listed = run.stdout.split('\n').filter((l) => /^ {2}\S+ +\S+ +[0-9a-f-]{36}$/.test(l));
    expect(listed.map((l) => l.trim().split(/ +/).slice(0, 2))).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^GOOD-001-/), 'priced'],
        [expect.stringMatching(/^BAD-002-/), 'rejected'],
        [expect.stringMatching(/^GOOD-003-/), 'priced'],
      ]),
    );
    expect(listed).toHaveLength(3);
    expect(run.stdout).toMatch(/^found by own number \S+-\w+: [0-9a-f-]{36} (priced|rejected) edits \[.*\]$/m);
  });

  it('prints a 999 the project’s tokenizer reads back: accepted with errors for the bad claim', () => {
    const { segments, problems } = readBack(printed(run.stdout, /^999:$/), { transactionSet: '999', implementation: IMPLEMENTATION_999 });
    expect(problems).toEqual([]);
    expect(elementsOf(segments, 'AK2')).toEqual([['837', '0001', '005010X222A1']]);
    expect(elementsOf(segments, 'IK5')[0][0]).toBe('E');
    expect(elementsOf(segments, 'AK9')).toEqual([['E', '1', '1', '1']]);
  });

  it('prints the rejected claim’s 277CA, read back with its reasons', () => {
    const text = printed(run.stdout, /^277CA of BAD-002-\w+:$/);
    const { segments, problems } = readBack(text, { transactionSet: '277', implementation: IMPLEMENTATION_277CA });
    expect(problems).toEqual([]);
    expect(elementsOf(segments, 'STC').map((e) => e[0])).toEqual(expect.arrayContaining(['A3:684', 'A7:454']));
    expect(elementsOf(segments, 'TRN').map((e) => e[1])).toContainEqual(expect.stringMatching(/^BAD-002-\w+$/));
  });
});
