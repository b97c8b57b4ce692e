import {
  BadRequestException,
  UseFilters,
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
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { toClaimResponse } from './fhir-claim-response';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { IntakeUnavailableFilter } from '../http/intake-unavailable';
import { ClaimViews } from '../shared/claim-view/claim-views';
import { parseWait } from '../http/wait-param';

const ID_INVALID = { code: 'CLAIM_ID_INVALID', message: 'the claim id must be the UUID the submission answered' };

@Controller('v1/claims')
@UseFilters(IntakeUnavailableFilter)
export class GetClaimHttpController {
  constructor(
    private readonly handler: ClaimViews,
    private readonly audit: AuditLog,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  @Get(':id')
  @RequireScopes('claims:read')
  async get(
    @Caller() caller: CallerIdentity,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(ID_INVALID) })) id: string,
    @Query('wait') wait: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.handler.get(id, caller.owner, parseWait(wait, this.config.INGEST_MAX_WAIT_MS));
    const who = { keyId: caller.keyId, owner: caller.owner, resource: id };
    this.audit.record({ action: 'claim.read', result: view ? 'ok' : 'not_found', ...who });
    if (!view) throw new NotFoundException({ code: 'CLAIM_NOT_FOUND', message: `no claim ${id}` });
    if (!accept?.includes('application/fhir+json')) return view;
    // The result as readStoredResult gave it back whole, from either stored form.
    const { validation, pricing } = view.result ?? {};
    const response =
      validation && pricing ? toClaimResponse(view.claim, { validation, pricing }, view.timestamps.priced ?? new Date()) : undefined;
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
