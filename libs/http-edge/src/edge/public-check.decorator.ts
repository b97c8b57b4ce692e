import { SetMetadata } from '@nestjs/common';
import { PUBLIC_CHECK } from './edge-throttler.guard';

/** A keyless route open to anyone: held to the tight RATE_LIMIT_PUBLIC_CHECK per client address. */
export const PublicCheck = () => SetMetadata(PUBLIC_CHECK, true);
