import type { DenialReportCreated } from '@claimflow/contracts';
import type { ReportFieldError } from '@claimflow/domain';
import { ApiError, errorFrom, post } from '../../api';
import { toReport, type ReportForm } from './report-form';

/** What became of one report sent to the feedback service. */
export type SendOutcome =
  | { kind: 'stored'; id: string; replayed: boolean }
  | { kind: 'signed-out' }
  | { kind: 'invalid'; errors: readonly ReportFieldError[] }
  | { kind: 'failed'; error: ApiError };

/** POSTs the report with the reporter key and an idempotency key, so sending it twice stores it once. */
export async function sendReport(form: ReportForm, reporterKey: string, idempotencyKey: string): Promise<SendOutcome> {
  try {
    const res = await post<DenialReportCreated & { errors?: ReportFieldError[] }>(
      '/api/feedback/v1/denial-reports',
      JSON.stringify(toReport(form)),
      { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, authorization: `Bearer ${reporterKey}` },
    );
    if (res.status === 401) return { kind: 'signed-out' };
    if (res.status === 201 || res.status === 200) return { kind: 'stored', id: res.body.id, replayed: res.body.replayed };
    if (res.status === 422 && res.body?.errors) return { kind: 'invalid', errors: res.body.errors };
    return { kind: 'failed', error: errorFrom(res.status, res.body) };
  } catch (error) {
    return { kind: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', String(error)) };
  }
}
