import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { Caller, RequireScopes, type CallerIdentity } from '@claimflow/platform';
import { EditAccuracyHandler } from './edit-accuracy.handler';

@Controller('v1/edit-accuracy')
export class EditAccuracyHttpController {
  constructor(private readonly handler: EditAccuracyHandler) {}

  /** The caller's own claims (`?view=own`, the default), or `?view=public`. Needs a key with claims:read. */
  @Get()
  @RequireScopes('claims:read')
  async get(@Caller() caller: CallerIdentity, @Query('view') view: string | undefined) {
    if (view === 'public') return this.handler.forEveryone();
    if (view !== undefined && view !== 'own')
      throw new BadRequestException({ code: 'PARAM_INVALID', message: 'view must be own or public' });
    return this.handler.forSubmitter(caller.owner);
  }

  /** Everyone's, aggregated: rows with at least k distinct submitters only. Public, as denial patterns are. */
  @Get('public')
  async getPublic() {
    return this.handler.forEveryone();
  }
}
