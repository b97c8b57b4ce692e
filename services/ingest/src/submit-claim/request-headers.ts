import { BadRequestException } from '@nestjs/common';

/** Visible ASCII and spaces only: what a header may carry into Kafka headers and the ledger. */
const PRINTABLE = /^[\x20-\x7e]+$/;

function invalid(header: string, code: string, max: number): BadRequestException {
  const message = `${header} must be 1 to ${max} printable ASCII characters`;
  return new BadRequestException({ code, message, errors: [{ path: header, code, message }] });
}

/** X-Submitter-Id: at most 80 characters (the canonical claim's submitterId). */
export function submitterIdOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (header.length > 80 || !PRINTABLE.test(header)) throw invalid('X-Submitter-Id', 'SUBMITTER_ID_INVALID', 80);
  return header;
}

/** X-Correlation-Id: at most 128 characters. */
export function correlationIdOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (header.length > 128 || !PRINTABLE.test(header)) throw invalid('X-Correlation-Id', 'CORRELATION_ID_INVALID', 128);
  return header;
}
