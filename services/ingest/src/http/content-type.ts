import { UnsupportedMediaTypeException } from '@nestjs/common';
import { X12_MEDIA_TYPES, type IntakeFormat } from '@claimflow/domain';

export const FORMATS: Readonly<Record<string, IntakeFormat>> = {
  'application/json': 'json',
  'application/fhir+json': 'fhir',
  ...Object.fromEntries(X12_MEDIA_TYPES.map((type) => [type, 'x12' as const])),
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
