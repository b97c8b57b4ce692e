import { useCallback, useEffect, useState } from 'react';

/** A failed call: the service's own code and message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorFrom(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { code?: string; message?: string | string[]; error?: string };
  const message = Array.isArray(b.message)
    ? b.message.join('; ')
    : (b.message ?? (typeof body === 'string' && body ? body : `The server answered ${status}.`));
  return new ApiError(status, b.code ?? b.error ?? `HTTP_${status}`, message, body);
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }
  const body = await readBody(res);
  if (!res.ok) throw errorFrom(res.status, body);
  return body as T;
}

/** POSTs a body and answers status and body whatever the status; only a network failure throws. */
export async function post<T>(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: T }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers: { accept: 'application/json', ...headers } });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }
  return { status: res.status, body: (await readBody(res)) as T };
}

/** GETs with the given headers (an API key) and answers status and body whatever the status; only a network failure throws. */
export async function get<T>(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<{ status: number; body: T }> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check your connection and try again.');
  }
  return { status: res.status, body: (await readBody(res)) as T };
}

export { errorFrom };

export type Loadable<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: ApiError };

/** GETs a URL whenever it changes (null = nothing to load), cancelling the previous request. */
export function useJson<T>(url: string | null): Loadable<T> & { reload: () => void } {
  const [state, setState] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!url) return;
    const abort = new AbortController();
    setState({ state: 'loading' });
    getJson<T>(url, abort.signal).then(
      (data) => setState({ state: 'ok', data }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ state: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error)) });
      },
    );
    return () => abort.abort();
  }, [url, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
