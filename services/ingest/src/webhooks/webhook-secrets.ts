import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';

/** Bytes of a signing secret: 256 bits, the HMAC-SHA256 block's worth (Standard Webhooks allows 24 to 64). */
const SECRET_BYTES = 32;
/** AES-GCM's recommended 96-bit nonce, and its full 128-bit tag. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_VERSION = 'v1';
/** Outside production only, when WEBHOOK_SECRETS_KEY is unset: a key everyone can read, so never for real secrets. */
const DEVELOPMENT_KEY = createHash('sha256').update('claimflow development webhook secrets key').digest();

/**
 * Webhook signing secrets: made (whsec_ + 32 random bytes, base64, as Standard Webhooks expects), sealed for the
 * ledger with AES-256-GCM under WEBHOOK_SECRETS_KEY (the webhook's id as additional data, so a sealed secret
 * moved to another row does not open), and opened only to sign a delivery. Never logged.
 */
@Injectable()
export class WebhookSecrets {
  private readonly key: Buffer;

  constructor(@Inject(INGEST_CONFIG) config: Pick<IngestConfig, 'WEBHOOK_SECRETS_KEY'>) {
    this.key = config.WEBHOOK_SECRETS_KEY ? Buffer.from(config.WEBHOOK_SECRETS_KEY, 'base64') : DEVELOPMENT_KEY;
  }

  create(): string {
    return `whsec_${randomBytes(SECRET_BYTES).toString('base64')}`;
  }

  seal(secret: string, webhookId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(webhookId));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return `${SEALED_VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
  }

  open(sealed: string, webhookId: string): string {
    const [version, body] = sealed.split(':');
    if (version !== SEALED_VERSION || !body) throw new Error('webhook secret: unknown sealing');
    const bytes = Buffer.from(body, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(webhookId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
