import { Global, Module } from '@nestjs/common';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRepository } from './api-key.repository';
import { AuditLog } from './audit.log';
import { FailedAuthLimiter } from './failed-auth.limiter';

/**
 * API-key authentication for HTTP routes marked @RequireScopes. Needs PrismaModule (the api_key table).
 * Global, so the guard resolves its dependencies in whichever module the controller lives.
 */
@Global()
@Module({
  providers: [ApiKeyRepository, ApiKeyAuthenticator, ApiKeyGuard, AuditLog, FailedAuthLimiter],
  exports: [ApiKeyRepository, ApiKeyAuthenticator, ApiKeyGuard, AuditLog, FailedAuthLimiter],
})
export class AuthModule {}
