import { X12_MEDIA_TYPES } from '../x12/media-types';
export type IntakeFormat = 'json' | 'fhir' | 'x12';

const X12_TYPES = new Set<string>(X12_MEDIA_TYPES);
const JSON_TYPES = new Set(['application/json', 'text/json']);

/**
 * Picks the intake format from the Content-Type and the first bytes. application/fhir+json is
 * FHIR; application/json (an object or an array of claims) is FHIR when it names a resourceType,
 * canonical JSON otherwise;
 * X12 types and text/plain must start with an ISA segment. Null means "unsupported" (415).
 */
export function detectFormat(contentType: string, firstBytes: string): IntakeFormat | null {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  const head = firstBytes.replace(/^\uFEFF/, '').trimStart();
  if (mediaType === 'application/fhir+json') return head === '' || head.startsWith('{') ? 'fhir' : null;
  const jsonStart = head.startsWith('{') || head.startsWith('[');
  if (JSON_TYPES.has(mediaType) || (mediaType === '' && jsonStart)) {
    if (!jsonStart && head !== '') return null;
    return head.startsWith('{') && /"resourceType"\s*:/.test(head) ? 'fhir' : 'json';
  }
  if (X12_TYPES.has(mediaType) || mediaType === '') return head.startsWith('ISA') ? 'x12' : null;
  return null;
}
