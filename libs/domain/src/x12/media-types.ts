/**
 * The media types an X12 interchange (837P claims, 835 remittances) is accepted as: RFC 1767's application/edi-x12,
 * the common application/x12, and text/plain. The one list: format detection, ingest's and the validator's routes,
 * the HTTP edge's text parser and the API documents all read it.
 */
export const X12_MEDIA_TYPES = ['application/edi-x12', 'application/x12', 'text/plain'] as const;

export type X12MediaType = (typeof X12_MEDIA_TYPES)[number];
