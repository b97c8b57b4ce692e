import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { checkClaim, decodeClaims, detectFormat, type CheckedClaim, type FieldError } from '@claimflow/domain';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { readArgs } from '../args';
import type { CliCommand, CliIo } from '../cli-command';
import { fileFailure, internalFailure, parseJson, type CliFailure } from '../cli-failure';
import { printReport } from './check.printer';
import { checkReport, failedReport, type CheckReport, type RejectedClaim } from './check.report';

const USAGE = `Usage: claimflow check <file> [--json] [--latest] [--national] [--dir data/refdata]
  Scrubs and prices the claims in <file> (canonical JSON, X12 837P or FHIR R4 Claim/Bundle)
  in-process on the shipped CMS data. Per claim, first its outcome (clean, DENIED, or INCOMPLETE:
  some edit family not checked against the release in force, with the refdata update command that
  loads it), then per line the edits with their source and fix, the payment or why there is none,
  the proposed corrected claim (automatic fixes only), and for a claim that could not be read each
  error with its field and X12 segment or FHIR element.
  --json      one JSON document on stdout, also for errors: {outcome, exitCode, format, claims[], rejected[], errors[]}
  --latest    use the newest reference data when none is in force on a date of service (the claim is then incomplete)
  --national  price with national GPCIs when a claim has no locality or ZIP
Exit codes: 0 every line of every claim fully checked and clean; 1 at least one line denied;
  2 something could not be checked (file missing or not JSON/X12/FHIR, a claim that could not be read,
  or an edit family with no release in force on a date of service: run the refdata update command shown).`;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'scrub and price the claims in a file (JSON, X12 837P or FHIR); exit 0 clean, 1 denied, 2 not checked',
  usage: USAGE,
  async run(args, io) {
    const parsed = readArgs(args, {
      json: { type: 'boolean' },
      latest: { type: 'boolean' },
      national: { type: 'boolean' },
      dir: { type: 'string' },
    });
    const json = args.includes('--json');
    const done = (report: CheckReport): number => {
      if (json) io.out(JSON.stringify(report, null, 2));
      else if (report.outcome === 'error' && report.errors.length && !report.claims.length && !report.rejected.length)
        for (const e of report.errors) io.err(`claimflow check: ${e.code}: ${e.message}`);
      else printReport(io, report);
      return report.exitCode;
    };
    if (!parsed.ok || parsed.positionals.length !== 1) {
      const message = parsed.ok ? `name exactly one claim file (got ${parsed.positionals.length})` : parsed.message;
      if (!json) io.err(USAGE);
      return done(failedReport({ code: 'USAGE', message: `${message}.` }));
    }
    try {
      return done(await check(parsed.positionals[0], parsed.values, io));
    } catch (error) {
      return done(failedReport(internalFailure(error)));
    }
  },
};

interface Flags {
  readonly latest?: boolean;
  readonly national?: boolean;
  readonly dir?: string;
}

async function check(name: string, flags: Flags, io: CliIo): Promise<CheckReport> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, name), 'utf8');
  } catch (error) {
    return failedReport(fileFailure(name, error));
  }
  const format = detectFormat('', text.slice(0, 4096));
  if (!format) return failedReport(notAClaim(name));
  let payload: unknown = text;
  if (format !== 'x12') {
    const json = parseJson(name, text);
    if (!json.ok) return failedReport(json.error);
    payload = json.value;
  }
  const catalog = await loadDefaultCatalog(flags.dir);
  const options = { refdataFallback: flags.latest ? ('latest' as const) : ('strict' as const), allowNational: flags.national ?? false };
  const claims: (CheckedClaim & { index: number })[] = [];
  const rejected: RejectedClaim[] = [];
  const errors: FieldError[] = [];
  for await (const item of decodeClaims(format, payload, { newId: randomUUID, maxClaims: 100000 })) {
    if ('submissionError' in item) errors.push(item.submissionError);
    else if (!item.result.ok) rejected.push({ index: item.index, submitterClaimId: item.submitterClaimId, errors: item.result.error });
    else claims.push({ index: item.index, ...checkClaim(item.result.value, catalog, options) });
  }
  return checkReport(format, claims, rejected, errors);
}

function notAClaim(name: string): CliFailure {
  return { code: 'FORMAT_UNKNOWN', message: `${name} is neither JSON, FHIR JSON nor an X12 interchange starting with ISA.` };
}
