import { describeService } from '@claimflow/runtime';
import { WebConfigSchema } from './config/web.config';
import { WebModule } from './web.module';
import { httpEdge } from '@claimflow/http-edge';

/**
 * The web front end, said once for main.ts and the harnesses. No body parsers: web's own routes read no body,
 * and the proxy streams each body on only after the visitor's rate limit allowed it.
 */
export const webService = describeService({
  edge: httpEdge,
  name: 'web',
  schema: WebConfigSchema,
  module: (config) => WebModule.forRoot(config),
  parseJson: false,
  parseText: false,
});
