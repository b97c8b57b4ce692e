import { BadRequestException, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, UseFilters } from '@nestjs/common';
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { IntakeUnavailableFilter } from '../http/intake-unavailable';
import { SubmissionsHandler } from './submissions.handler';

export const SUBMISSION_ID_INVALID = {
  code: 'SUBMISSION_ID_INVALID',
  message: 'the submission id must be the UUID the submission answered',
};

@Controller('v1/submissions')
@UseFilters(IntakeUnavailableFilter)
export class SubmissionsHttpController {
  constructor(
    private readonly handler: SubmissionsHandler,
    private readonly audit: AuditLog,
  ) {}

  /** The caller's own submissions, newest first, a page at a time. */
  @Get()
  @RequireScopes('claims:read')
  async list(@Caller() caller: CallerIdentity, @Query() query: unknown) {
    const answer = await this.handler.list(caller.owner, query);
    if (!answer.ok) {
      const names = [...new Set(answer.error.map((p) => p.path))].join(', ');
      throw new BadRequestException({ code: 'PARAM_INVALID', message: `check these parameters: ${names}`, errors: answer.error });
    }
    const count = answer.value.submissions.length;
    this.audit.record({ action: 'submission.list', result: 'ok', keyId: caller.keyId, owner: caller.owner, count });
    return answer.value;
  }

  /** One of the caller's submissions: counts by status and its claims. Another owner's is 404, like an unknown id. */
  @Get(':id')
  @RequireScopes('claims:read')
  async get(
    @Caller() caller: CallerIdentity,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(SUBMISSION_ID_INVALID) })) id: string,
  ) {
    const view = await this.handler.get(id, caller.owner);
    const who = { keyId: caller.keyId, owner: caller.owner, resource: id };
    this.audit.record({ action: 'submission.read', result: view ? 'ok' : 'not_found', ...who });
    if (!view) throw new NotFoundException({ code: 'SUBMISSION_NOT_FOUND', message: `no submission ${id}` });
    return view;
  }
}
