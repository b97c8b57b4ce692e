import { randomBytes } from 'node:crypto';

/**
 * A short lowercase [a-z0-9] token, unique per call, for per-test topic, consumer-group and database names
 * (valid in all three: Kafka allows [a-zA-Z0-9._-], PostgreSQL unquoted identifiers lowercase letters and digits).
 */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}
