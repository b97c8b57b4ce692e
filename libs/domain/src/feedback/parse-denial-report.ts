import { err, ok, type Result } from '../shared/result';
import { DenialReportSchema, FREE_TEXT_FIELDS, FREE_TEXT_MAX, type DenialReport } from './denial-report.schema';
import { checkAnonymity } from './anonymity-check';
import { fromZodIssues, type ReportFieldError } from './report-field-error';

const EARLIEST_MONTH = '2000-01';

function monthOf(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

function consistency(report: DenialReport, now: Date): ReportFieldError[] {
  const problems: ReportFieldError[] = [];
  if (!report.billedCodes.some((b) => b.code === report.deniedCode)) {
    problems.push({ path: 'deniedCode', code: 'DENIED_CODE_NOT_BILLED', message: 'the denied code must be one of the billed codes' });
  }
  // Allow the next month so that a report sent just after midnight UTC in another zone still fits.
  const latest = monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
  if (report.denialMonth > latest) {
    problems.push({ path: 'denialMonth', code: 'MONTH_IN_FUTURE', message: `the denial month cannot be later than ${monthOf(now)}` });
  }
  if (report.denialMonth < EARLIEST_MONTH) {
    problems.push({ path: 'denialMonth', code: 'VALUE_INVALID', message: `the denial month cannot be earlier than ${EARLIEST_MONTH}` });
  }
  return problems;
}

/**
 * Everything wrong with a submitted report at once: shape, consistency and, for each free-text
 * field that is a string, personal data (checked even when the shape is wrong, so one round trip
 * shows every problem). Text over the length limit is refused for its length alone, before any
 * detector reads it, so the detectors' work is bounded by the limit.
 */
export function parseDenialReport(input: unknown, now: Date): Result<DenialReport, ReportFieldError[]> {
  const parsed = DenialReportSchema.safeParse(input);
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const personal = FREE_TEXT_FIELDS.flatMap((field) => {
    const text = raw[field];
    return typeof text === 'string' && text.trim().length <= FREE_TEXT_MAX ? checkAnonymity(field, text) : [];
  });
  const problems = parsed.success ? [...consistency(parsed.data, now), ...personal] : [...fromZodIssues(parsed.error.issues), ...personal];
  return problems.length === 0 && parsed.success ? ok(parsed.data) : err(problems);
}
