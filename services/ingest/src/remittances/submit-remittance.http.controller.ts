import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Post,
  Query,
  Req,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request } from 'express';
import { X12_MEDIA_TYPES } from '@claimflow/domain';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { mediaType } from '../http/content-type';
import { limitedBody, sizeInBytes } from '../http/limited-body';
import { SubmitRemittanceHandler } from './submit-remittance.handler';
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';

const X12_TYPES = new Set<string>(X12_MEDIA_TYPES);

@Controller('v1/remittances')
export class SubmitRemittanceHttpController {
  constructor(
    private readonly handler: SubmitRemittanceHandler,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    private readonly audit: AuditLog,
  ) {}

  /** An X12 835: each claim payment matched to the submitter's claims; `?contribute=true` turns denied lines into anonymous reports. */
  @Post()
  @HttpCode(HttpStatus.OK)
  @RequireScopes('claims:submit')
  async submit(
    @Caller() caller: CallerIdentity,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Query('contribute') contribute: string | undefined,
    @Req() req: Request,
  ) {
    if (!X12_TYPES.has(mediaType(contentType))) {
      throw new UnsupportedMediaTypeException({
        code: 'UNSUPPORTED_CONTENT_TYPE',
        message: `a remittance is an X12 835: send it as ${[...X12_TYPES].join(', ')}`,
      });
    }
    if (contribute !== undefined && contribute !== 'true' && contribute !== 'false') {
      throw new BadRequestException({ code: 'PARAM_INVALID', message: 'contribute must be true or false' });
    }
    // Contributing sends denial reports: the key needs the scope that submitting one needs.
    if (contribute === 'true' && !caller.scopes.includes('reports:submit')) {
      this.audit.record({
        action: 'remittance.submit',
        result: 'denied',
        reason: 'SCOPE_MISSING',
        keyId: caller.keyId,
        owner: caller.owner,
        correlationId,
      });
      throw new ForbiddenException({ code: 'SCOPE_MISSING', message: 'contribute=true needs an API key with the scope reports:submit' });
    }
    const payload =
      typeof body === 'string' ? body : limitedBody(req, req.headers['content-length'], sizeInBytes(this.config.INGEST_MAX_BODY));
    const outcome = await this.handler.submit({
      payload,
      submitterId: caller.owner,
      reporterKeyId: caller.keyId,
      contribute: contribute === 'true',
      correlationId,
    });
    const unmatched = outcome.claims.filter((c) => c.unmatched || c.lines.some((l) => l.unmatched)).length;
    this.audit.record({
      action: 'remittance.submit',
      result: 'ok',
      keyId: caller.keyId,
      owner: caller.owner,
      correlationId,
      resources: [...new Set(outcome.claims.flatMap((c) => (c.claimId ? [c.claimId] : [])))],
      counts: { claimPayments: outcome.claims.length, unmatched, problems: outcome.problems.length },
      contributed: outcome.contributed,
    });
    // Nothing readable: 422, as for claims; otherwise 200 with the problems beside what was recorded.
    const answer = { ...outcome, summary: { claims: outcome.claims.length, unmatched, problems: outcome.problems.length } };
    if (outcome.claims.length > 0 || outcome.problems.length === 0) return answer;
    // Nothing readable: a 422 problem (RFC 9457) carrying the same members, its field problems gathered in errors.
    const errors = outcome.problems.flatMap((p) => p.errors);
    const message = 'nothing in the remittance could be read; each problem is listed';
    throw new HttpException({ code: 'REMITTANCE_REJECTED', message, ...answer, errors }, HttpStatus.UNPROCESSABLE_ENTITY);
  }
}
