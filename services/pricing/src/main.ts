import 'reflect-metadata';
import { runService } from '@claimflow/runtime';
import { PRICING_SERVICE } from './pricing.service';

runService(PRICING_SERVICE);
