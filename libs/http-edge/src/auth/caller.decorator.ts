import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CallerIdentity } from './scopes';

export type AuthenticatedRequest = { caller?: CallerIdentity };

/** The caller the ApiKeyGuard authenticated ({ keyId, owner, scopes }); only on routes with @RequireScopes. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): CallerIdentity => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('@Caller() used on a route without @RequireScopes');
  return caller;
});
