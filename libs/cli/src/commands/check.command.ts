import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { checkClaim, decodeClaims, detectFormat } from '@claimflow/domain';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { readArgs } from '../args';
import type { CliCommand } from '../cli-command';
import { printChecked } from './check.printer';

const USAGE = `Usage: claimflow check <file> [--json] [--latest] [--national] [--dir data/refdata]
  Scrubs and prices the claims in <file> (canonical JSON, X12 837P or FHIR R4 Claim/Bundle)
  in-process on the shipped CMS data: every edit with its source and fix, the proposed
  corrected claim, and the payment per line.
  --latest    use the newest reference data when none is in force on a date of service (said on every answer)
  --national  price with national GPCIs when a claim has no locality or ZIP`;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'scrub and price the claims in a file (JSON, X12 837P or FHIR)',
  usage: USAGE,
  async run(args, io) {
    const parsed = readArgs(args, {
      json: { type: 'boolean' },
      latest: { type: 'boolean' },
      national: { type: 'boolean' },
      dir: { type: 'string' },
    });
    if (!parsed.ok || parsed.positionals.length !== 1) {
      io.err(parsed.ok ? USAGE : `${parsed.message}\n${USAGE}`);
      return 2;
    }
    const text = await readFile(resolve(io.cwd, parsed.positionals[0]), 'utf8');
    const format = detectFormat('', text.slice(0, 4096));
    if (!format) {
      io.err('the file is neither JSON, FHIR JSON nor an X12 interchange starting with ISA');
      return 2;
    }
    const payload = format === 'x12' ? text : JSON.parse(text);
    const catalog = await loadDefaultCatalog(parsed.values.dir);
    const options = {
      refdataFallback: parsed.values.latest ? ('latest' as const) : ('strict' as const),
      allowNational: parsed.values.national ?? false,
    };
    const results = [];
    for await (const item of decodeClaims(format, payload, { newId: randomUUID, maxClaims: 100000 })) {
      if ('submissionError' in item) results.push({ error: item.submissionError });
      else if (!item.result.ok) results.push({ index: item.index, submitterClaimId: item.submitterClaimId, errors: item.result.error });
      else results.push(checkClaim(item.result.value, catalog, options));
    }
    if (parsed.values.json) io.out(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
    else printChecked(io, results);
    return results.some((r) => 'errors' in r || 'error' in r) ? 1 : 0;
  },
};
