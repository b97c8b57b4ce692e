import { Body, Controller, HttpCode, Post, UnprocessableEntityException } from '@nestjs/common';
import { ClaimSchema, type ValidationResult } from '@claimflow/domain';
import { ValidateClaimHandler } from './validate-claim.handler';

/** Synchronous check of one canonical claim, for the web front end and scripts. */
@Controller('v1/validate')
export class ValidateClaimHttpController {
  constructor(private readonly handler: ValidateClaimHandler) {}

  @Post()
  @HttpCode(200)
  validate(@Body() body: unknown): ValidationResult {
    const parsed = ClaimSchema.safeParse(body);
    if (!parsed.success) {
      throw new UnprocessableEntityException({
        code: 'CLAIM_INVALID',
        message: 'the claim does not match the canonical schema; fix the fields listed',
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
      });
    }
    return this.handler.check(parsed.data);
  }
}
