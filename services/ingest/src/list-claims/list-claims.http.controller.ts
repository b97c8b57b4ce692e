import { BadRequestException, Controller, Get, Query, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { IntakeUnavailableFilter } from '../http/intake-unavailable';
import { ListClaimsHandler } from './list-claims.handler';
import { parseClaimListQuery } from './list-claims.query';

@Controller('v1/claims')
@UseFilters(IntakeUnavailableFilter)
export class ListClaimsHttpController {
  constructor(
    private readonly handler: ListClaimsHandler,
    private readonly audit: AuditLog,
  ) {}

  /** The caller's own claims, newest first, filtered, a page at a time. Needs a key with claims:read. */
  @Get()
  @RequireScopes('claims:read')
  async list(@Caller() caller: CallerIdentity, @Query() query: unknown, @Req() req: Request) {
    const filter = parseClaimListQuery(query);
    if (!filter.ok) {
      const names = [...new Set(filter.error.map((p) => p.path))].join(', ');
      throw new BadRequestException({ code: 'PARAM_INVALID', message: `check these parameters: ${names}`, errors: filter.error });
    }
    const search = new URLSearchParams(req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '');
    const answer = await this.handler.list(caller.owner, filter.value, search);
    this.audit.record({ action: 'claim.list', result: 'ok', keyId: caller.keyId, owner: caller.owner, count: answer.claims.length });
    return answer;
  }
}
