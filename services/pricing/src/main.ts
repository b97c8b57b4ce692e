import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { PRICING_SERVICE } from './pricing.service';

runService(PRICING_SERVICE);
