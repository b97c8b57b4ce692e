import { Controller, Get, HttpException, HttpStatus, Param, Query, Res } from '@nestjs/common';
import { isDatabaseUnavailable } from '../persistence/database-errors';
import { DenialPatternsHandler } from './denial-patterns.handler';
import { parsePatternQuery } from './denial-patterns.query';

@Controller('v1/codes')
export class DenialPatternsHttpController {
  constructor(private readonly handler: DenialPatternsHandler) {}

  @Get(':code/denial-patterns')
  async get(
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
  ) {
    const parsed = parsePatternQuery(code, query);
    if (!parsed.ok)
      throw new HttpException(
        { code: 'QUERY_INVALID', message: 'the code or a filter is not valid', errors: parsed.error },
        HttpStatus.BAD_REQUEST,
      );
    res.setHeader('Cache-Control', 'no-store');
    try {
      return await this.handler.get(parsed.value.code, parsed.value.filters);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      res.setHeader('Retry-After', '5');
      throw new HttpException(
        { code: 'DATABASE_UNAVAILABLE', message: 'patterns cannot be read right now; retry later' },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }
}
