import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { WebConfigSchema } from './config/web.config';
import { WebModule } from './web.module';

runService({ name: 'web', schema: WebConfigSchema, module: (config) => WebModule.forRoot(config), bodyLimit: () => '5mb' });
