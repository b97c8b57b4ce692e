import { join } from 'node:path';
import { remitCommand } from './remit.command';

const FIXTURES = join(__dirname, '..', '..', '..', 'domain', 'src', 'intake', '__fixtures__', 'x835');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await remitCommand.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: FIXTURES });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('claimflow remit', () => {
  it('prints a remittance line by line with CARC and RARC meanings', async () => {
    const r = await run('paid-denied-adjusted.835');
    if (process.env.SHOW_REMIT) console.log(r.out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Remittance 0001 of interchange 000000501: MEDICARE PART B JK \(13202\) to NORTHSIDE PAIN CLINIC/);
    expect(r.out).toMatch(/ACH credit \$553\.60, on 2025-10-20, trace EFT20251020001/);
    expect(r.out).toMatch(/Claim LESI-2025-0001 \(payer claim 25290001234501\): processed as primary/);
    expect(r.out).toMatch(/line 1 +62323 +2025-03-14 +1 unit +charged +\$950\.00 +paid +\$313\.60 +PAID/);
    expect(r.out).toMatch(/line 2 +77003-26 .* paid +\$0\.00 +DENIED/);
    expect(r.out).toMatch(/\$180\.00 +CO-97: the benefit for this service is included in the payment for another service/);
    expect(r.out).toMatch(/remark +N130: consult the plan's benefit documents/);
    expect(r.out).toMatch(/Claim FLUORO-2025-0003 .*: denied/);
    expect(r.out).toMatch(/remark +MA130: /);
  });

  it('prints reversals and JSON with outcomes and meanings', async () => {
    const text = await run('reversal-correction.835');
    expect(text.out).toMatch(/reversal of a previous payment/);
    expect(text.out).toMatch(/charged -\$1130\.00, paid -\$313\.60/);
    const r = await run('two-payers.835', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toHaveLength(3);
    expect(json[2].header.payer.name).toBe('ACME HEALTH PLAN');
    expect(json[1].result.value.lines[1]).toMatchObject({
      code: '77002',
      outcome: 'denied',
      adjustments: [{ group: 'CO', reason: '151', meaning: expect.stringMatching(/^CO-151: /) }],
      remarks: [{ code: 'N362', meaning: expect.stringMatching(/^N362: /) }],
    });
  });

  it('lists the problems of a malformed file and exits 1', async () => {
    const r = await run('malformed.835');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/X12_TOTAL_MISMATCH payment\.totalPaid \(SE segment 27\)/);
    expect(r.out).toMatch(/REQUIRED patientControlNumber \(CLP segment 25\): CLP01 is required/);
  });

  it('rejects bad arguments and unreadable files', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('a.835', '--bogus')).err).toMatch(/Usage: claimflow remit/);
    const missing = await run('nope.835');
    // Issue #27: a code and a sentence (it was 'cannot read nope.835'), and one JSON document with --json.
    expect(missing).toMatchObject({ code: 2, err: 'claimflow remit: FILE_NOT_FOUND: Cannot read nope.835: no such file.' });
    const json = await run('nope.835', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ outcome: 'error', errors: [{ code: 'FILE_NOT_FOUND' }] });
  });
});
