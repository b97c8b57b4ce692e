import type { KafkaMessage } from 'kafkajs';

/**
 * The claim a message of the claim pipeline is about, for its dead letter however it failed: its key (every claim
 * message is keyed by its claim id), else the claim id its body names, read only as far as it can be. The id is one
 * ClaimFlow assigned, never patient data.
 */
export function claimIdOfMessage(message: Pick<KafkaMessage, 'key' | 'value'>): string | undefined {
  const key = message.key === null || message.key === undefined ? '' : String(message.key);
  if (key) return key;
  try {
    const body = JSON.parse(message.value ? String(message.value) : '') as { claim?: { claimId?: unknown }; claimId?: unknown } | null;
    const id = body?.claim?.claimId ?? body?.claimId;
    return typeof id === 'string' && id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
