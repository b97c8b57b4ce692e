import type { ClaimListAnswer, FieldError } from '@claimflow/contracts';
import { ApiError, errorFrom, get } from '../../api';

/** What became of one request made with the biller's key. */
export type KeyedOutcome<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'signed-out' }
  | { kind: 'forbidden' }
  | { kind: 'invalid'; errors: readonly { path: string; message: string }[] }
  | { kind: 'failed'; error: ApiError };

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function keyed<T>(url: string, key: string, signal?: AbortSignal): Promise<KeyedOutcome<T>> {
  try {
    const res = await get<T & { errors?: { path: string; message: string }[] }>(url, bearer(key), signal);
    if (res.status === 200) return { kind: 'ok', data: res.body };
    if (res.status === 401) return { kind: 'signed-out' };
    if (res.status === 403) return { kind: 'forbidden' };
    if (res.status === 400 && Array.isArray(res.body?.errors)) return { kind: 'invalid', errors: res.body.errors };
    return { kind: 'failed', error: errorFrom(res.status, res.body) };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error)) };
  }
}

/** One page of the key owner's claims (ingest scopes the list to the key's owner). */
export const fetchClaimsPage = (url: string, key: string, signal?: AbortSignal) => keyed<ClaimListAnswer>(url, key, signal);

/** Why a rejected claim was refused: the errors the ledger recorded for it, from GET /v1/claims/{id}. */
export async function fetchRejectionReasons(claimId: string, key: string, signal?: AbortSignal): Promise<KeyedOutcome<FieldError[]>> {
  const out = await keyed<{ errors?: FieldError[] }>(`/api/ingest/v1/claims/${encodeURIComponent(claimId)}`, key, signal);
  return out.kind === 'ok' ? { kind: 'ok', data: out.data.errors ?? [] } : out;
}
