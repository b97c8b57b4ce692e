import {
  BadRequestException,
  Controller,
  Get,
  Headers,
  Inject,
  NotAcceptableException,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import type { ClaimPricedV1 } from '@claimflow/contracts';
import { toClaimResponse } from './fhir-claim-response';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { GetClaimHandler } from './get-claim.handler';
import { parseWait } from './wait-param';

const ID_INVALID = { code: 'CLAIM_ID_INVALID', message: 'the claim id must be the UUID the submission answered' };

@Controller('v1/claims')
export class GetClaimHttpController {
  constructor(
    private readonly handler: GetClaimHandler,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  @Get(':id')
  async get(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(ID_INVALID) })) id: string,
    @Query('wait') wait: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.handler.get(id, parseWait(wait, this.config.INGEST_MAX_WAIT_MS));
    if (!view) throw new NotFoundException({ code: 'CLAIM_NOT_FOUND', message: `no claim ${id}` });
    if (!accept?.includes('application/fhir+json')) return view;
    const result = view.result as Pick<ClaimPricedV1, 'validation' | 'pricing'> | undefined;
    const response = result?.pricing ? toClaimResponse(view.claim, result, view.timestamps.priced ?? new Date()) : undefined;
    if (!response)
      throw new NotAcceptableException({
        code: 'NOT_PRICED_YET',
        message: `claim ${id} is ${view.status}; a ClaimResponse exists once it is priced`,
        status: view.status,
      });
    res.type('application/fhir+json');
    return response;
  }
}
