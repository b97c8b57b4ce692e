/**
 * Where a canonical-JSON body names its own submitterId (one claim, an array, or { claims: [...] }),
 * the first one that is not `owner`, as a field path; null when all agree or none is named.
 */
export function disagreeingSubmitterField(payload: unknown, owner: string): string | null {
  const named = (claim: unknown) => {
    const id = (claim as { submitterId?: unknown } | null)?.submitterId;
    return id !== undefined && id !== owner;
  };
  if (Array.isArray(payload)) {
    const i = payload.findIndex(named);
    return i < 0 ? null : `[${i}].submitterId`;
  }
  const claims = (payload as { claims?: unknown } | null)?.claims;
  if (Array.isArray(claims)) {
    const i = claims.findIndex(named);
    return i < 0 ? null : `claims[${i}].submitterId`;
  }
  return typeof payload === 'object' && payload !== null && named(payload) ? 'submitterId' : null;
}
