import { Controller, Get, Headers } from '@nestjs/common';
import { EditAccuracyHandler } from './edit-accuracy.handler';
import { requireSubmitter } from './submitter-id';

@Controller('v1/edit-accuracy')
export class EditAccuracyHttpController {
  constructor(private readonly handler: EditAccuracyHandler) {}

  @Get()
  async get(@Headers('x-submitter-id') submitterId: string | undefined) {
    return this.handler.forSubmitter(requireSubmitter(submitterId));
  }
}
