import { Body, Controller, Headers, HttpException, HttpStatus, Post, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { X12_MEDIA_TYPES, type IntakeFormat } from '@claimflow/domain';
import { PublicCheck } from '@claimflow/http-edge';
import { sendAnswer, unavailable, type RawResponse } from './check-answer';
import { CheckPool } from './check-pool';

const FORMATS: Readonly<Record<string, IntakeFormat>> = {
  'application/json': 'json',
  'application/fhir+json': 'fhir',
  ...Object.fromEntries(X12_MEDIA_TYPES.map((type) => [type, 'x12' as const])),
};

/**
 * POST /v1/check: the web front end's claim check, open without a key (held to a tight per-address
 * rate limit). One claim; validated and priced in a worker of the check pool, never on this event
 * loop; edits capped; stores nothing and publishes nothing.
 */
@Controller('v1/check')
export class CheckClaimHttpController {
  constructor(private readonly pool: CheckPool) {}

  @Post()
  @PublicCheck()
  async check(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() res: RawResponse,
  ): Promise<void> {
    const media = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const format = FORMATS[media];
    if (!format)
      throw new UnsupportedMediaTypeException({
        code: 'UNSUPPORTED_CONTENT_TYPE',
        message: `the content type is not accepted; send one of ${Object.keys(FORMATS).join(', ')}`,
      });
    const answer = await this.pool.run({ kind: 'check', format, payload: body }).catch((error: unknown) => {
      throw unavailable(res, error);
    });
    if (answer.status === HttpStatus.UNPROCESSABLE_ENTITY) {
      // Nothing could be checked (a small answer: no claim was validated): a problem (RFC 9457, the same code as
      // ingest's) carrying the same members.
      const outcome = JSON.parse(answer.json) as { rejected: unknown[] };
      const message = `no claim could be checked: ${outcome.rejected.length} refused, each with its problems in rejected[]`;
      throw new HttpException({ code: 'SUBMISSION_REJECTED', message, ...outcome }, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    await sendAnswer(res, acceptEncoding, answer);
  }
}
