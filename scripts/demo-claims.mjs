// Sends the demo claims (the billing guides' scenarios) to a running ingest service and prints
// what came back: each line's edits and payment. Usage: DEMO_API_KEY=cf_live_... node scripts/demo-claims.mjs <ingest-url> [dir]
import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';

const base = process.argv[2] ?? 'http://127.0.0.1:3001';
const apiKey = process.env.DEMO_API_KEY;
if (!apiKey) {
  console.error('DEMO_API_KEY is not set: create one with `npx claimflow keys create --name demo --scopes claims:submit,claims:read`');
  process.exit(2);
}
const dir = process.argv[3] ?? new URL('../libs/domain/src/intake/__fixtures__/scenarios', import.meta.url).pathname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

const money = (n) => (typeof n === 'number' ? `$${n.toFixed(2)}` : '-');
const pad = (s, n) =>
  String(s ?? '')
    .slice(0, n)
    .padEnd(n);

async function send(file) {
  const body = readFileSync(join(dir, file), 'utf8');
  const res = await fetch(`${base}/v1/claims?wait=20s`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body,
  });
  return { file, status: res.status, json: await res.json() };
}

function rows({ file, status, json }) {
  const name = basename(file, '.json');
  if (!json.claims?.length)
    return [
      [
        name,
        '',
        `rejected (${status})`,
        (json.rejected?.[0]?.errors ?? json.errors ?? []).map((e) => `${e.path} ${e.code}`).join('; '),
        '',
      ],
    ];
  const view = json.claims[0].result;
  if (!view || !['priced', 'rejected'].includes(view.status)) return [[name, '', `still ${view?.status ?? 'pending'}`, '', '']];
  const validation = view.result?.validation;
  const pricing = view.result?.pricing;
  const priced = new Map((pricing?.lines ?? []).map((l) => [l.lineNumber, l]));
  return (validation?.lines ?? []).map((line, i) => {
    const p = priced.get(line.lineNumber);
    const code = [line.code, ...line.modifiers].join('-') + (line.units > 1 ? ` x${line.units}` : '');
    const counts = new Map();
    for (const e of line.edits.filter((x) => x.code !== 'REFDATA_UNAVAILABLE')) {
      const label = `${e.severity === 'deny' ? '✗' : e.severity === 'warn' ? '!' : 'i'} ${e.code}`;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const edits = [...counts].map(([label, n]) => (n > 1 ? `${label} x${n}` : label)).join(', ') || 'clean';
    return [i === 0 ? name : '', line.lineNumber, code, edits, pricing?.kind === 'failed' ? pricing.code : money(p?.allowed)];
  });
}

const results = [];
for (const file of files) results.push(await send(file));
const widths = [32, 4, 12, 76, 9];
const line = (cells) => cells.map((c, i) => pad(c, widths[i])).join(' | ');
console.log('\n' + line(['scenario', 'line', 'code', 'edits (✗ deny, ! warn, i info)', 'allowed']));
console.log(widths.map((w) => '-'.repeat(w)).join('-+-'));
let total = 0;
for (const r of results) {
  for (const row of rows(r)) console.log(line(row));
  total += r.json.claims?.[0]?.result?.result?.pricing?.totals?.allowed ?? 0;
}
const caveats = new Set(
  results
    .flatMap((r) => r.json.claims?.[0]?.result?.result?.validation?.edits ?? [])
    .filter((e) => e.code === 'REFDATA_UNAVAILABLE')
    .map((e) => e.message),
);
if (caveats.size)
  console.log(
    `\nReference data: the demo asked for the newest releases (REFDATA_FALLBACK=latest), and every answer says so, e.g.\n  ${[...caveats][0]}`,
  );
console.log(`\n${results.length} claims sent; total allowed ${money(total)}. Full results: GET ${base}/v1/claims/{claimId} with the key`);
