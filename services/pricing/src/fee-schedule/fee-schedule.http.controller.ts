import { BadRequestException, Controller, Get, NotFoundException, Param, Query, UnprocessableEntityException } from '@nestjs/common';
import { feeLookup, type FeeLookup } from '@claimflow/domain';
import { RefDataHolder } from '@claimflow/platform';
import { FeeScheduleQuerySchema } from './fee-schedule.query.dto';

/** The fee-schedule calculator: RVUs, GPCIs, and global/26/TC amounts in both settings. */
@Controller('v1/fee-schedule')
export class FeeScheduleHttpController {
  constructor(private readonly refdata: RefDataHolder) {}

  @Get(':code')
  lookup(@Param('code') code: string, @Query() query: Record<string, string>): FeeLookup {
    const parsed = FeeScheduleQuerySchema.safeParse(query);
    if (!parsed.success) {
      throw new BadRequestException({
        code: 'QUERY_INVALID',
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const { locality, ...rest } = parsed.data;
    const [carrier, loc] = locality ? locality.split('-') : [undefined, undefined];
    const result = feeLookup(code.toUpperCase(), { ...rest, carrier, locality: loc }, this.refdata.current);
    if (result.ok) return result.value;
    if (result.error.code === 'CODE_UNKNOWN' || result.error.code === 'CODE_NOT_IN_EXCERPT') throw new NotFoundException(result.error);
    throw new UnprocessableEntityException(result.error);
  }
}
