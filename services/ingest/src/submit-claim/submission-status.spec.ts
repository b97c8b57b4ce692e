import { HttpStatus } from '@nestjs/common';
import { correlationIdOf, submitterIdOf } from './request-headers';
import type { SubmissionOutcome } from './submission';
import { submissionStatus } from './submission-status';

const outcome = (accepted: number, codes: string[] = []): SubmissionOutcome => ({
  submissionId: 's',
  format: 'json',
  accepted: Array.from({ length: accepted }, (_, i) => ({
    claimId: `c${i}`,
    submitterClaimId: `s${i}`,
    status: 'accepted',
    correlationId: 'x',
  })),
  rejected: [],
  errors: codes.map((code) => ({ path: '', code, message: code })),
});

describe('submissionStatus', () => {
  it.each([
    ['unreadable bytes', outcome(0, ['ENCODING_INVALID']), false, HttpStatus.BAD_REQUEST],
    ['a NUL', outcome(0, ['NUL_CHARACTER']), false, HttpStatus.BAD_REQUEST],
    ['malformed JSON', outcome(0, ['JSON_MALFORMED']), false, HttpStatus.BAD_REQUEST],
    ['a refused envelope', outcome(0, ['X12_SEGMENT_COUNT']), false, HttpStatus.UNPROCESSABLE_ENTITY],
    ['only rejected claims', outcome(0), false, HttpStatus.UNPROCESSABLE_ENTITY],
    ['claims on their way', outcome(2), false, HttpStatus.ACCEPTED],
    ['claims with their final answers', outcome(2), true, HttpStatus.OK],
  ])('%s', (_name, o, allFinal, status) => expect(submissionStatus(o, allFinal)).toBe(status));
});

describe('request headers', () => {
  it('takes short printable ids and treats empty as absent', () => {
    expect(submitterIdOf('northside-pain')).toBe('northside-pain');
    expect(submitterIdOf('')).toBeUndefined();
    expect(correlationIdOf(undefined)).toBeUndefined();
  });

  it.each(['S'.repeat(81), 'tab\there', 'caf\u00e9'])('refuses X-Submitter-Id %#, naming the header without echoing it', (value) => {
    try {
      submitterIdOf(value);
      throw new Error('accepted');
    } catch (error) {
      const body = (error as { getResponse(): object; getStatus(): number }).getResponse();
      expect((error as { getStatus(): number }).getStatus()).toBe(400);
      expect(body).toMatchObject({ code: 'SUBMITTER_ID_INVALID', errors: [{ path: 'X-Submitter-Id' }] });
      expect(JSON.stringify(body)).not.toContain(value);
    }
  });

  it('refuses an over-long X-Correlation-Id', () => {
    expect(() => correlationIdOf('c'.repeat(129))).toThrow();
  });
});
