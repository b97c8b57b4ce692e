import { BadRequestException } from '@nestjs/common';

/** Remittances and edit accuracy are per submitter: the X-Submitter-Id header is required. */
export function requireSubmitter(submitterId: string | undefined): string {
  const id = submitterId?.trim();
  if (!id || id.length > 80) {
    throw new BadRequestException({ code: 'SUBMITTER_REQUIRED', message: 'the X-Submitter-Id header is required (1 to 80 characters)' });
  }
  return id;
}
