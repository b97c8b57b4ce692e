import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimListItem } from '@claimflow/contracts';
import type { ApiError } from '../../api';
import { fetchClaimsPage } from './fetch-claims';
import { claimsPageUrl, type WorklistFilters } from './worklist-query';

export type WorklistState =
  | { readonly state: 'idle' | 'loading' }
  | { readonly state: 'ok'; readonly claims: readonly ClaimListItem[]; readonly cursor?: string; readonly more: 'no' | 'ready' | 'loading' }
  | { readonly state: 'invalid'; readonly errors: readonly { path: string; message: string }[] }
  | { readonly state: 'failed'; readonly error: ApiError };

/**
 * The owner's claims for these filters, a page at a time: the first page whenever the key, filters or page size
 * change; `more()` appends the page after the last cursor. A refused key calls `onRefused` (signed out or forbidden).
 */
export function useWorklist(
  key: string | null,
  filters: WorklistFilters,
  pageSize: number,
  onRefused: (why: 'refused' | 'forbidden') => void,
) {
  const [list, setList] = useState<WorklistState>({ state: 'idle' });
  const [tick, setTick] = useState(0);
  const current = useRef<AbortController | null>(null);

  const load = useCallback(
    async (cursor: string | undefined, before: readonly ClaimListItem[]) => {
      if (!key) return;
      current.current?.abort();
      const abort = (current.current = new AbortController());
      const out = await fetchClaimsPage(claimsPageUrl(filters, pageSize, cursor), key, abort.signal).catch(() => null);
      if (out === null || abort.signal.aborted) return;
      if (out.kind === 'ok')
        setList({ state: 'ok', claims: [...before, ...out.data.claims], cursor: out.data.cursor, more: out.data.cursor ? 'ready' : 'no' });
      else if (out.kind === 'signed-out' || out.kind === 'forbidden') onRefused(out.kind === 'forbidden' ? 'forbidden' : 'refused');
      else if (out.kind === 'invalid') setList({ state: 'invalid', errors: out.errors });
      else setList({ state: 'failed', error: out.error });
    },
    [key, filters, pageSize, onRefused],
  );

  useEffect(() => {
    if (!key) return setList({ state: 'idle' });
    setList({ state: 'loading' });
    void load(undefined, []);
    return () => current.current?.abort();
  }, [key, load, tick]);

  const more = useCallback(() => {
    if (list.state !== 'ok' || list.more !== 'ready') return;
    setList({ ...list, more: 'loading' });
    void load(list.cursor, list.claims);
  }, [list, load]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { list, more, reload };
}
