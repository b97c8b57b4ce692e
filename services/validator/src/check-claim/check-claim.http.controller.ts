import { Body, Controller, Headers, HttpStatus, Post, Res, UnsupportedMediaTypeException } from '@nestjs/common';
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
  @PublicCheck()
  async check(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ) {
    const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const format = FORMATS[media];
    if (!format)
      throw new UnsupportedMediaTypeException({
        code: 'UNSUPPORTED_CONTENT_TYPE',
        message: `the content type is not accepted; send one of ${Object.keys(FORMATS).join(', ')}`,
      });
    const outcome = await this.handler.check(format, body);
    res.status(outcome.claims.length === 0 ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK);
    return outcome;
  }
}
