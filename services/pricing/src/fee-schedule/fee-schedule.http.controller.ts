import { BadRequestException, Controller, Get, NotFoundException, Param, Query, UnprocessableEntityException } from '@nestjs/common';
import { feeLookup, HCPCS_PATTERN, type FeeLookup } from '@claimflow/domain';
import { RefDataHolder } from '@claimflow/refdata';
import { FeeScheduleQuerySchema } from './fee-schedule.query.dto';

/** The fee-schedule calculator: RVUs, GPCIs, and global/26/TC amounts in both settings. */
@Controller('v1/fee-schedule')
export class FeeScheduleHttpController {
  constructor(private readonly refdata: RefDataHolder) {}

  @Get(':code')
  lookup(@Param('code') raw: string, @Query() query: Record<string, string>): FeeLookup {
    const code = raw.trim().toUpperCase();
    // Malformed is 400 CODE_INVALID, well-formed but unknown 404 CODE_UNKNOWN, as in every service.
    if (!HCPCS_PATTERN.test(code)) {
      const message = 'the code is not a 5-character CPT/HCPCS code';
      throw new BadRequestException({ code: 'CODE_INVALID', message, errors: [{ path: 'code', code: 'CODE_INVALID', message }] });
    }
    const parsed = FeeScheduleQuerySchema.safeParse(query);
    if (!parsed.success) {
      throw new BadRequestException({
        code: 'QUERY_INVALID',
        message: 'a query parameter is not valid; each is listed',
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: 'QUERY_INVALID', message: i.message })),
      });
    }
    const { locality, ...rest } = parsed.data;
    const [carrier, loc] = locality ? locality.split('-') : [undefined, undefined];
    const result = feeLookup(code, { ...rest, carrier, locality: loc }, this.refdata.current);
    if (result.ok) return result.value;
    if (result.error.code === 'CODE_UNKNOWN' || result.error.code === 'CODE_NOT_IN_EXCERPT') throw new NotFoundException(result.error);
    throw new UnprocessableEntityException(result.error);
  }
}
