import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Response } from 'express';
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { X12_MEDIA_TYPES } from '@claimflow/domain';
import { IntakeUnavailableFilter } from '../http/intake-unavailable';
import { AcknowledgmentsHandler } from './acknowledgments.handler';

/** What an acknowledgment is served as: RFC 1767's application/edi-x12, the first of the domain's X12 media types. */
const X12_MEDIA_TYPE = X12_MEDIA_TYPES[0];
const uuid = (code: string, what: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new BadRequestException({ code, message: `the ${what} id must be the UUID the submission answered` }),
  });

/** The acknowledgments of ClaimFlow's own resources: a submission's 999, a claim's 277CA. Another owner's are 404. */
@Controller('v1')
@UseFilters(IntakeUnavailableFilter)
export class AcknowledgmentsHttpController {
  constructor(
    private readonly handler: AcknowledgmentsHandler,
    private readonly audit: AuditLog,
  ) {}

  @Get('submissions/:id/999')
  @RequireScopes('claims:read')
  async ack999(
    @Caller() caller: CallerIdentity,
    @Param('id', uuid('SUBMISSION_ID_INVALID', 'submission')) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const built = await this.handler.ack999(id, caller.owner);
    this.audit.record({
      action: 'submission.ack999',
      result: built.ok ? 'ok' : 'not_found',
      keyId: caller.keyId,
      owner: caller.owner,
      resource: id,
    });
    if (built.ok) {
      res.type(X12_MEDIA_TYPE);
      return built.value;
    }
    if (built.error === 'NOT_X12')
      throw new NotFoundException({ code: 'NOT_X12', message: `submission ${id} was not an X12 interchange: it has no 999` });
    if (built.error === 'NO_INTERCHANGE')
      throw new NotFoundException({
        code: 'NO_INTERCHANGE',
        message: `submission ${id} held no readable ISA and functional group: it has no 999`,
      });
    throw new NotFoundException({ code: 'SUBMISSION_NOT_FOUND', message: `no submission ${id}` });
  }

  @Get('claims/:id/277ca')
  @RequireScopes('claims:read')
  async ack277(
    @Caller() caller: CallerIdentity,
    @Param('id', uuid('CLAIM_ID_INVALID', 'claim')) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const built = await this.handler.ack277(id, caller.owner);
    this.audit.record({
      action: 'claim.ack277ca',
      result: built.ok || built.error === 'CLAIM_NOT_FINAL' ? 'ok' : 'not_found',
      keyId: caller.keyId,
      owner: caller.owner,
      resource: id,
    });
    if (built.ok) {
      res.type(X12_MEDIA_TYPE);
      return built.value;
    }
    if (built.error === 'CLAIM_NOT_FINAL')
      throw new ConflictException({
        code: 'CLAIM_NOT_FINAL',
        message: `claim ${id} is not final yet: its 277CA exists once it is priced or rejected`,
      });
    throw new NotFoundException({ code: 'CLAIM_NOT_FOUND', message: `no claim ${id}` });
  }
}
