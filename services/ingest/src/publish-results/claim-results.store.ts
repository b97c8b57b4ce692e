import { Injectable } from '@nestjs/common';
import { CLAIM_RESULT_TYPES, rootEnvelope } from '@claimflow/contracts';
import type { ClaimResultV2View, ClaimView } from '../shared/claim-view/claim-view';
import { ClaimViews } from '../shared/claim-view/claim-views';
import type { OutboxStore, PendingMessage } from '../outbox/outbox-message';
import { ClaimResultOutboxRepository, type OwedResult } from './claim-result-outbox.repository';
import { ResultTopics, type ResultTopic } from './result-topics';

/**
 * The owed results as messages for the outbox relay: each one, to its owner's results topic, is what
 * GET /v1/claims/{id} answers (ClaimResult.v1), or its compact form (ClaimResult.v2) when the owner's topic is
 * v2, under the message id result:<claim id>:<status>, so a redelivery (a crash between publishing and
 * deleting) is recognisable. Skipped, and deleted: results of owners without a
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
      const withTopic: { result: OwedResult; to: ResultTopic }[] = [];
      for (const result of owed) {
        const to = result.submitterId ? await this.topics.of(result.submitterId) : undefined;
        if (to) withTopic.push({ result, to });
      }
      const keysOf = (version: ResultTopic['version']) =>
        withTopic.filter(({ to }) => to.version === version).map(({ result }) => ({ claimId: result.claimId, owner: result.submitterId }));
      const [v1, v2] = await Promise.all([this.claims.getMany(keysOf('v1')), this.claims.getManyV2(keysOf('v2'))]);
      const messages = withTopic.flatMap(
        ({ result, to }) => this.message(result, to, (to.version === 'v2' ? v2 : v1).get(result.claimId)) ?? [],
      );
      if (messages.length > 0) await publish(messages);
    });
  }

  private message(result: OwedResult, to: ResultTopic, view: ClaimView | ClaimResultV2View | undefined): PendingMessage | undefined {
    if (!view || view.status !== result.status) return undefined;
    const type = CLAIM_RESULT_TYPES[to.version];
    const envelope = { ...rootEnvelope(type, view.correlationId), id: `result:${result.claimId}:${result.status}` };
    return {
      position: result.position,
      messageId: envelope.id,
      topic: to.topic,
      key: result.claimId,
      envelope,
      payload: JSON.stringify(view),
    };
  }
}
