import { BadRequestException, Controller, Get, Headers, Query } from '@nestjs/common';
import { EditAccuracyHandler } from './edit-accuracy.handler';
import { requireSubmitter } from './submitter-id';

@Controller('v1/edit-accuracy')
export class EditAccuracyHttpController {
  constructor(private readonly handler: EditAccuracyHandler) {}

  /** `?view=own` (default): the caller's claims; `?view=public`: everyone's, rows with at least k submitters only. */
  @Get()
  async get(@Headers('x-submitter-id') submitterId: string | undefined, @Query('view') view: string | undefined) {
    if (view === 'public') return this.handler.forEveryone();
    if (view !== undefined && view !== 'own')
      throw new BadRequestException({ code: 'PARAM_INVALID', message: 'view must be own or public' });
    return this.handler.forSubmitter(requireSubmitter(submitterId));
  }
}
