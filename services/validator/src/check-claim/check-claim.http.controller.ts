import { Body, Controller, Headers, HttpCode, HttpException, HttpStatus, Post, UnsupportedMediaTypeException } from '@nestjs/common';
import type { IntakeFormat } from '@claimflow/domain';
import { PublicCheck } from '@claimflow/platform';
import { CheckClaimHandler } from './check-claim.handler';

const FORMATS: Readonly<Record<string, IntakeFormat>> = {
  'application/json': 'json',
  'application/fhir+json': 'fhir',
  'application/edi-x12': 'x12',
  'application/x12': 'x12',
  'text/plain': 'x12',
};

/**
 * POST /v1/check: the web front end's claim check, open without a key (held to a tight per-address
 * rate limit). Validates and prices in this process; stores nothing and publishes nothing.
 */
@Controller('v1/check')
export class CheckClaimHttpController {
  constructor(private readonly handler: CheckClaimHandler) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @PublicCheck()
  async check(@Body() body: unknown, @Headers('content-type') contentType: string | undefined) {
    const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const format = FORMATS[media];
    if (!format)
      throw new UnsupportedMediaTypeException({
        code: 'UNSUPPORTED_CONTENT_TYPE',
        message: `the content type is not accepted; send one of ${Object.keys(FORMATS).join(', ')}`,
      });
    const outcome = await this.handler.check(format, body);
    if (outcome.claims.length > 0) return outcome;
    // Nothing could be checked: a problem (RFC 9457, the same code as ingest's) carrying the same members.
    const message = `no claim could be checked: ${outcome.rejected.length} refused, each with its problems in rejected[]`;
    throw new HttpException({ code: 'SUBMISSION_REJECTED', message, ...outcome }, HttpStatus.UNPROCESSABLE_ENTITY);
  }
}
