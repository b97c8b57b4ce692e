import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { EditAccuracyHandler } from './edit-accuracy.handler';

@Controller('v1/edit-accuracy')
export class EditAccuracyHttpController {
  constructor(
    private readonly handler: EditAccuracyHandler,
    private readonly audit: AuditLog,
  ) {}

  /** The caller's own claims (`?view=own`, the default), or `?view=public`. Needs a key with claims:read. */
  @Get()
  @RequireScopes('claims:read')
  async get(@Caller() caller: CallerIdentity, @Query('view') view: string | undefined) {
    if (view !== undefined && view !== 'own' && view !== 'public')
      throw new BadRequestException({ code: 'PARAM_INVALID', message: 'view must be own or public' });
    const scope = view ?? 'own';
    this.audit.record({ action: 'edit-accuracy.read', result: 'ok', keyId: caller.keyId, owner: caller.owner, resource: scope });
    return scope === 'public' ? this.handler.forEveryone() : this.handler.forSubmitter(caller.owner);
  }

  /** Everyone's, as last published (k distinct submitters a figure). Public, as denial patterns are. */
  @Get('public')
  async getPublic() {
    this.audit.record({ action: 'edit-accuracy.read', result: 'ok', resource: 'public' });
    return this.handler.forEveryone();
  }
}
