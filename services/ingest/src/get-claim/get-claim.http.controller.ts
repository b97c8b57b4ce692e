import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { GetClaimHandler } from './get-claim.handler';
import { parseWait } from './wait-param';

@Controller('v1/claims')
export class GetClaimHttpController {
  constructor(
    private readonly handler: GetClaimHandler,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Query('wait') wait?: string) {
    const view = await this.handler.get(id, parseWait(wait, this.config.INGEST_MAX_WAIT_MS));
    if (!view) throw new NotFoundException({ code: 'CLAIM_NOT_FOUND', message: `no claim ${id}` });
    return view;
  }
}
