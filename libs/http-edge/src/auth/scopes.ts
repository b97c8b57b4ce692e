/** What a key may do; a route names the scopes it needs with @RequireScopes. */
export const SCOPES = ['claims:submit', 'claims:read', 'reports:submit', 'refdata:admin'] as const;
export type Scope = (typeof SCOPES)[number];

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

/** The authenticated caller of a request: which key, for which submitter organisation, allowed what. */
export interface CallerIdentity {
  readonly keyId: string;
  readonly owner: string;
  readonly scopes: readonly Scope[];
}

/** Route metadata: the scopes @RequireScopes names, read by ApiKeyGuard. */
export const REQUIRED_SCOPES = 'claimflow:required-scopes';
