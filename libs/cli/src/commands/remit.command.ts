import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeCarc, describeRarc, lineOutcome, parse835, type Remit835Result } from '@claimflow/domain';
import { readArgs } from '../args';
import type { CliCommand } from '../cli-command';
import { fileFailure } from '../cli-failure';
import { printRemittance } from './remit.printer';

const USAGE = `Usage: claimflow remit <file.835> [--json]
  Reads an X12 835 remittance advice (005010X221A1) in-process and prints each payer's payment
  and each claim payment line by line: paid, adjusted, denied or reversed, with the meaning of
  every adjustment reason (CARC) and remark (RARC) code. Exit code 1 when the file has problems.`;

export const remitCommand: CliCommand = {
  name: 'remit',
  summary: 'print an X12 835 remittance line by line with CARC/RARC meanings',
  usage: USAGE,
  async run(args, io) {
    const parsed = readArgs(args, { json: { type: 'boolean' } });
    if (!parsed.ok || parsed.positionals.length !== 1) {
      io.err(parsed.ok ? USAGE : `${parsed.message}\n${USAGE}`);
      return 2;
    }
    const path = resolve(io.cwd, parsed.positionals[0]);
    try {
      await access(path);
    } catch (error) {
      const failure = fileFailure(parsed.positionals[0], error);
      if (parsed.values.json) io.out(JSON.stringify({ outcome: 'error', exitCode: 2, errors: [failure] }, null, 2));
      else io.err(`claimflow remit: ${failure.code}: ${failure.message}`);
      return 2;
    }
    const results: Remit835Result[] = [];
    for await (const r of parse835(createReadStream(path))) results.push(r);
    if (parsed.values.json) io.out(JSON.stringify(results.map(withMeanings), null, 2));
    else printRemittance(io, results);
    return results.some((r) => !r.result.ok) ? 1 : 0;
  },
};

/** The parsed result with each line's outcome and the meanings of its codes. */
function withMeanings(r: Remit835Result) {
  if (!r.result.ok) return r;
  const claim = r.result.value;
  return {
    ...r,
    result: {
      ok: true,
      value: {
        ...claim,
        adjustments: claim.adjustments.map((a) => ({ ...a, meaning: describeCarc(a.group, a.reason) })),
        remarks: claim.remarks.map((code) => ({ code, meaning: describeRarc(code) })),
        lines: claim.lines.map((line) => ({
          ...line,
          outcome: lineOutcome(line, claim),
          adjustments: line.adjustments.map((a) => ({ ...a, meaning: describeCarc(a.group, a.reason) })),
          remarks: line.remarks.map((code) => ({ code, meaning: describeRarc(code) })),
        })),
      },
    },
  };
}
