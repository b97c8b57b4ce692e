import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { REQUIRED_SCOPES, type Scope } from './scopes';

/** The route needs `Authorization: Bearer <api key>` with every scope named here. */
export const RequireScopes = (...scopes: Scope[]) => applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), UseGuards(ApiKeyGuard));
