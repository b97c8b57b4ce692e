import type { Envelope } from '@claimflow/contracts';

/** A message owed to the broker, as the outbox stores it. */
export interface OutboxMessage {
  readonly messageId: string;
  /** Logical topic (without the suffix). */
  readonly topic: string;
  readonly key: string;
  readonly envelope: Envelope;
  readonly payload: object;
}

/**
 * An unsent row, in the order the relay must publish it. The payload is the stored JSON text, sent
 * as is: parsing it only to serialise it again for Kafka cost more CPU than anything else the relay did.
 */
export interface PendingMessage extends Omit<OutboxMessage, 'payload'> {
  readonly position: bigint;
  readonly payload: string;
}

/** Where the relay reads and removes messages; Postgres in production, memory in unit tests. */
export interface OutboxStore {
  /**
   * Hands up to `limit` unsent messages, oldest first, to `publish` and removes them once it
   * resolves; nothing is removed when it throws. Returns how many were sent (0 when another relay
   * holds the outbox).
   */
  publishPending(limit: number, publish: (messages: readonly PendingMessage[]) => Promise<void>): Promise<number>;
}

export const OUTBOX_STORE = Symbol('OUTBOX_STORE');
