import { Controller, Get, HttpException, HttpStatus, Param, Query, Res } from '@nestjs/common';
import { isDatabaseUnavailable } from '@claimflow/runtime';
import { DenialPatternsHandler } from './denial-patterns.handler';
import { parsePatternQuery } from './denial-patterns.query';

type Response = { setHeader(name: string, value: string): void };

@Controller('v1')
export class DenialPatternsHttpController {
  constructor(private readonly handler: DenialPatternsHandler) {}

  @Get('codes/:code/denial-patterns')
  async get(@Param('code') code: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const parsed = parsePatternQuery(code, query);
    if (!parsed.ok) {
      // A malformed code is CODE_INVALID, as in every service; a bad filter QUERY_INVALID.
      const errors = parsed.error.map((e) => ({ ...e, code: e.path === 'code' ? 'CODE_INVALID' : 'QUERY_INVALID' }));
      const code = errors.some((e) => e.code === 'CODE_INVALID') ? 'CODE_INVALID' : 'QUERY_INVALID';
      throw new HttpException({ code, message: 'the code or a filter is not valid; each is listed', errors }, HttpStatus.BAD_REQUEST);
    }
    res.setHeader('Cache-Control', 'no-store');
    return this.orUnavailable(res, () => this.handler.get(parsed.value.code, parsed.value.filters));
  }

  /** When the published patterns were last computed, how often they are, and the guarantee they keep. */
  @Get('denial-patterns/publication')
  async publication(@Res({ passthrough: true }) res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    return this.orUnavailable(res, () => this.handler.status());
  }

  private async orUnavailable<T>(res: Response, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
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
