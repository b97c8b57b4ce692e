import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { PricingConfigSchema } from './config/pricing.config';
import { PRICING_GROUP, PricingModule } from './pricing.module';

runService({ name: 'pricing', schema: PricingConfigSchema, module: (config) => PricingModule.forRoot(config), groupId: PRICING_GROUP });
