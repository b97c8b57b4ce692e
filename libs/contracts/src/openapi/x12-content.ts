import { X12_MEDIA_TYPES, type X12MediaType } from '@claimflow/domain';

/** An X12 request body, as documented: every media type the services accept it as (the domain's one list), as text. */
export const x12Text = Object.fromEntries(X12_MEDIA_TYPES.map((type) => [type, 'text'])) as Record<X12MediaType, 'text'>;
