import { normalizeClaim, write837, type Claim } from '@claimflow/domain';

/** One 837P of `httpClaims` claims (the scenarios in turn) posted to ingest, until accepted into Kafka. */
export async function postX12(ingestUrl: string, key: { authorization: string }, scenarios: readonly object[], httpClaims: number) {
  const claims: Claim[] = scenarios.map((s, i) => {
    const r = normalizeClaim(s, { claimId: `s-${i}` });
    if (!r.ok) throw new Error('scenario does not normalize');
    return r.value;
  });
  const x12 = [
    ...write837(
      (function* () {
        for (let i = 0; i < httpClaims; i++) yield { ...claims[i % claims.length], submitterClaimId: `H-${i}` };
      })(),
      { control: 1 },
    ),
  ].join('');
  const t0 = Date.now();
  const res = await fetch(`${ingestUrl}/v1/claims`, {
    method: 'POST',
    headers: { 'content-type': 'application/edi-x12', ...key },
    body: x12,
  });
  const body = (await res.json()) as { claims?: unknown[]; rejected?: unknown[] };
  const seconds = (Date.now() - t0) / 1000;
  const accepted = body.claims?.length ?? 0;
  return {
    claims: httpClaims,
    bytes: x12.length,
    status: res.status,
    accepted,
    rejected: body.rejected?.length ?? 0,
    seconds: +seconds.toFixed(2),
    claimsPerSecond: Math.round(accepted / seconds),
  };
}
