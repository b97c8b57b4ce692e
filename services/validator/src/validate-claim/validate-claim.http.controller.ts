import { Body, Controller, Headers, Post, Res, UnprocessableEntityException } from '@nestjs/common';
import { ClaimSchema } from '@claimflow/domain';
import { PublicCheck } from '@claimflow/http-edge';
import { sendAnswer, unavailable, type RawResponse } from '../check-claim/check-answer';
import { CheckPool } from '../check-claim/check-pool';

/**
 * Synchronous check of one canonical claim, for the web front end and scripts: keyless, so under the
 * keyless check's tight per-address limit, and validated in the check pool, never on this event loop.
 */
@Controller('v1/validate')
export class ValidateClaimHttpController {
  constructor(private readonly pool: CheckPool) {}

  @Post()
  @PublicCheck()
  async validate(
    @Body() body: unknown,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() res: RawResponse,
  ): Promise<void> {
    const parsed = ClaimSchema.safeParse(body);
    if (!parsed.success) {
      throw new UnprocessableEntityException({
        code: 'CLAIM_INVALID',
        message: 'the claim does not match the canonical schema; fix the fields listed',
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
      });
    }
    const answer = await this.pool.run({ kind: 'validate', claim: parsed.data }).catch((error: unknown) => {
      throw unavailable(res, error);
    });
    await sendAnswer(res, acceptEncoding, answer);
  }
}
