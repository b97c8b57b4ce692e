/** X-Correlation-Id: 1 to 128 visible ASCII characters; it ends up in logs, headers and Kafka, so nothing else gets in. */
export const CORRELATION_ID = /^[\x21-\x7e]{1,128}$/;

export function correlationIdProblem(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return 'X-Correlation-Id must be sent once';
  return CORRELATION_ID.test(value) ? null : 'X-Correlation-Id must be 1 to 128 visible ASCII characters';
}
