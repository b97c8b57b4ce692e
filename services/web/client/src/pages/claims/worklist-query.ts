import type { ClaimLifecycleStatus, EditCode } from '@claimflow/domain';

/**
 * The worklist's filters as the form holds them: '' or [] means "any". Dates are YYYY-MM-DD, both ends inclusive;
 * received dates are days in the browser's time zone.
 */
export interface WorklistFilters {
  readonly statuses: readonly ClaimLifecycleStatus[];
  readonly receivedFrom: string;
  readonly receivedTo: string;
  readonly serviceFrom: string;
  readonly serviceTo: string;
  readonly submitterClaimId: string;
  readonly editCodes: readonly EditCode[];
  readonly denied: '' | 'true' | 'false';
  readonly payerOutcome: '' | 'true' | 'false';
}

export const NO_FILTERS: WorklistFilters = {
  statuses: [],
  receivedFrom: '',
  receivedTo: '',
  serviceFrom: '',
  serviceTo: '',
  submitterClaimId: '',
  editCodes: [],
  denied: '',
  payerOutcome: '',
};

/** Page sizes offered; ingest takes 1 to 500 (CLAIM_LIST_MAX_LIMIT). */
export const PAGE_SIZES = [10, 25, 50, 100, 500] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** Minutes this browser's zone is behind UTC at the local midnight starting that (UTC-dated) day. */
const browserOffset = (day: Date) => new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()).getTimezoneOffset();

/**
 * The instant a YYYY-MM-DD day starts in this browser's time zone (the times on the page are local too), as the
 * ISO date-time ingest takes; `nextDay` gives the start of the day after, for the form's "received to", which
 * includes its day where ingest's receivedUntil is exclusive.
 */
export function localDayStart(date: string, nextDay = false, offsetMinutes: (day: Date) => number = browserOffset): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + (nextDay ? 1 : 0)));
  return new Date(day.getTime() + offsetMinutes(day) * 60_000).toISOString();
}

/**
 * The URL of one page of GET /v1/claims through web's proxy, for these filters: only the filters set, in
 * ingest's own parameter names; `cursor` is the previous page's, passed as is. Never the key: that goes in a header.
 */
export function claimsPageUrl(filters: WorklistFilters, limit: number, cursor?: string): string {
  const q = new URLSearchParams();
  if (filters.statuses.length) q.set('status', filters.statuses.join(','));
  if (filters.receivedFrom) q.set('receivedSince', localDayStart(filters.receivedFrom));
  if (filters.receivedTo) q.set('receivedUntil', localDayStart(filters.receivedTo, true));
  if (filters.serviceFrom) q.set('serviceFrom', filters.serviceFrom);
  if (filters.serviceTo) q.set('serviceTo', filters.serviceTo);
  const number = filters.submitterClaimId.trim();
  if (number) q.set('submitterClaimId', number);
  if (filters.editCodes.length) q.set('editCode', filters.editCodes.join(','));
  if (filters.denied) q.set('denied', filters.denied);
  if (filters.payerOutcome) q.set('payerOutcome', filters.payerOutcome);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return `/api/ingest/v1/claims?${q.toString()}`;
}

/** The form's parameter names for the ones ingest names in a 400 (receivedSince is the form's "received from"...). */
const FORM_NAMES: Readonly<Record<string, string>> = {
  status: 'Status',
  receivedSince: 'Received from',
  receivedUntil: 'Received to',
  serviceFrom: 'Service from',
  serviceTo: 'Service to',
  submitterClaimId: 'Claim number',
  editCode: 'Edit',
  denied: 'Prediction',
  payerOutcome: 'Payer answer',
  limit: 'Claims per page',
  cursor: 'Paging',
};

export const filterLabel = (param: string): string => FORM_NAMES[param] ?? param;
