import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { IntakeFormat } from '@claimflow/domain';

export const FORMATS: Readonly<Record<string, IntakeFormat>> = {
  'application/json': 'json',
  'application/fhir+json': 'fhir',
  'application/edi-x12': 'x12',
  'application/x12': 'x12',
  'text/plain': 'x12',
};

export const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

export function formatOf(contentType: string | undefined): IntakeFormat {
  const media = mediaType(contentType);
  const format = FORMATS[media];
  if (!format) {
    throw new UnsupportedMediaTypeException({
      code: 'UNSUPPORTED_CONTENT_TYPE',
      message: `the content type is not accepted; send one of ${Object.keys(FORMATS).join(', ')}`,
    });
  }
  return format;
}
