import { Injectable } from '@nestjs/common';
import { rootEnvelope } from '@claimflow/contracts';
import type { ClaimView } from '../shared/claim-view/claim-view';
import { ClaimViews } from '../shared/claim-view/claim-views';
import type { OutboxStore, PendingMessage } from '../outbox/outbox-message';
import { ClaimResultOutboxRepository, type OwedResult } from './claim-result-outbox.repository';
import { ResultTopics } from './result-topics';

export const CLAIM_RESULT_TYPE = 'ClaimResult.v1';

/**
 * The owed results as messages for the outbox relay: each one, to its owner's results topic, is what
 * GET /v1/claims/{id} answers, under the message id result:<claim id>:<status>, so a redelivery (a crash
 * between publishing and deleting) is recognisable. Skipped, and deleted: results of owners without a
 * results topic (no Kafka credentials), and a result the claim has moved on from (the later one follows).
 */
@Injectable()
export class ClaimResultsStore implements OutboxStore {
  constructor(
    private readonly owed: ClaimResultOutboxRepository,
    private readonly topics: ResultTopics,
    private readonly claims: ClaimViews,
  ) {}

  publishPending(limit: number, publish: (messages: readonly PendingMessage[]) => Promise<void>): Promise<number> {
    return this.owed.take(limit, async (owed) => {
      const withTopic: { result: OwedResult; topic: string }[] = [];
      for (const result of owed) {
        const topic = result.submitterId ? await this.topics.of(result.submitterId) : undefined;
        if (topic) withTopic.push({ result, topic });
      }
      const views = await this.claims.getMany(withTopic.map(({ result }) => ({ claimId: result.claimId, owner: result.submitterId })));
      const messages = withTopic.flatMap(({ result, topic }) => this.message(result, topic, views.get(result.claimId)) ?? []);
      if (messages.length > 0) await publish(messages);
    });
  }

  private message(result: OwedResult, topic: string, view: ClaimView | undefined): PendingMessage | undefined {
    if (!view || view.status !== result.status) return undefined;
    const envelope = { ...rootEnvelope(CLAIM_RESULT_TYPE, view.correlationId), id: `result:${result.claimId}:${result.status}` };
    return { position: result.position, messageId: envelope.id, topic, key: result.claimId, envelope, payload: JSON.stringify(view) };
  }
}
