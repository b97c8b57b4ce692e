import { Injectable } from '@nestjs/common';
import { KeysDb } from '@claimflow/db-keys';

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly prefix: string;
  readonly scopes: readonly string[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface NewApiKey {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly keyHash: string;
  readonly prefix: string;
  readonly scopes: readonly string[];
}

const PUBLIC_FIELDS = {
  id: true,
  name: true,
  owner: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** The only place that reads or writes the api_key table. */
@Injectable()
export class ApiKeyRepository {
  constructor(private readonly prisma: KeysDb) {}

  async create(key: NewApiKey): Promise<ApiKeyRecord> {
    return this.prisma.apiKey.create({ data: { ...key, scopes: [...key.scopes] }, select: PUBLIC_FIELDS });
  }

  findByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    return this.prisma.apiKey.findUnique({ where: { keyHash }, select: PUBLIC_FIELDS });
  }

  /** By id (a UUID; check the shape first): the reporter named in a Kafka header is looked up this way. */
  findById(id: string): Promise<ApiKeyRecord | null> {
    return this.prisma.apiKey.findUnique({ where: { id }, select: PUBLIC_FIELDS });
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' }, select: PUBLIC_FIELDS });
  }

  /** Marks a key revoked (once; a second revoke keeps the first time). False when no such key exists. */
  async revoke(id: string, at = new Date()): Promise<boolean> {
    const found = await this.prisma.apiKey.findUnique({ where: { id }, select: { id: true } });
    if (!found) return false;
    await this.prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
    return true;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.prisma.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
  }
}
