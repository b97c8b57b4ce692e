import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { ValidatorConfigSchema } from './config/validator.config';
import { VALIDATOR_GROUP, ValidatorModule } from './validator.module';

runService({
  name: 'validator',
  schema: ValidatorConfigSchema,
  module: (config) => ValidatorModule.forRoot(config),
  groupId: VALIDATOR_GROUP,
});
