import { randomUUID } from 'node:crypto';
import { mintApiKey } from './api-key';
import type { ApiKeyRecord, ApiKeyRepository } from './api-key.repository';
import { isScope, type Scope } from './scopes';

export interface CreateKeyRequest {
  readonly name: string;
  readonly owner: string;
  readonly scopes: readonly string[];
}

export type CreateKeyFailure = {
  readonly code: 'KEY_FIELD_INVALID';
  readonly field: 'name' | 'owner' | 'scopes';
  readonly message: string;
};

export type CreatedKey = ApiKeyRecord & { readonly key: string };

const NAME = /^[\w .:@/-]{1,80}$/;
const OWNER = /^[\w.:@-]{1,80}$/;

/** Creating keys (the CLI, the demo and the test harnesses): the key is returned once and only its hash is kept. */
export async function createApiKey(
  repository: ApiKeyRepository,
  request: CreateKeyRequest,
): Promise<{ ok: true; value: CreatedKey } | { ok: false; error: CreateKeyFailure }> {
  const invalid = (field: CreateKeyFailure['field'], message: string) =>
    ({ ok: false, error: { code: 'KEY_FIELD_INVALID', field, message } }) as const;
  if (!NAME.test(request.name)) return invalid('name', 'name must be 1-80 letters, digits, spaces or . _ : @ / -');
  if (!OWNER.test(request.owner)) return invalid('owner', 'owner must be 1-80 letters, digits or . _ : @ -');
  const unknown = request.scopes.filter((s) => !isScope(s));
  if (request.scopes.length === 0 || unknown.length > 0)
    return invalid('scopes', 'scopes must name at least one of claims:submit, claims:read, reports:submit, refdata:admin');
  const minted = mintApiKey();
  const scopes = [...new Set(request.scopes)] as Scope[];
  const record = await repository.create({
    id: randomUUID(),
    name: request.name,
    owner: request.owner,
    keyHash: minted.hash,
    prefix: minted.prefix,
    scopes,
  });
  return { ok: true, value: { ...record, key: minted.key } };
}
