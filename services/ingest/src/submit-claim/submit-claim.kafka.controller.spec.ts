import type { KafkaContext } from '@nestjs/microservices';
import { HEADERS, envelopeToHeaders, rootEnvelope } from '@claimflow/contracts';
import { TopicResolver, type DeadLetterPublisher } from '@claimflow/kafka';
import type { SubmitClaimHandler, SubmitCommand } from './submit-claim.handler';
import { SubmitClaimKafkaController } from './submit-claim.kafka.controller';

const SUFFIX = '.t1';
const claim = {
  submitterClaimId: 'K-1',
  placeOfService: '11',
  billingProvider: { npi: '1234567893' },
  lines: [{ lineNumber: 1, code: '99213', modifiers: [], units: 1, dateOfService: '2025-03-10' }],
};

function contextOf(headers: Record<string, string>): KafkaContext {
  const message = { key: null, value: Buffer.from(JSON.stringify(claim)), headers, offset: '7' };
  const topic = `claims.submitted.v1.acme${SUFFIX}`;
  return { getMessage: () => message, getTopic: () => topic, getPartition: () => 0 } as unknown as KafkaContext;
}

/** A PM system's raw claim on its own topic: the envelope it may carry becomes the parent of what intake writes. */
describe('SubmitClaimKafkaController envelopes', () => {
  const commands: SubmitCommand[] = [];
  const deadLetters: unknown[] = [];
  const handler = {
    submit: async (command: SubmitCommand) => {
      commands.push(command);
      return { submissionId: 's', format: command.format, accepted: [], rejected: [], errors: [] };
    },
  } as unknown as SubmitClaimHandler;
  const dead = { send: async (letter: unknown) => void deadLetters.push(letter) } as unknown as DeadLetterPublisher;
  const controller = new SubmitClaimKafkaController(
    handler,
    dead,
    new TopicResolver({ brokers: [], clientId: 'ingest', topicSuffix: SUFFIX, groupId: 'g' }),
  );

  beforeEach(() => {
    commands.splice(0);
    deadLetters.splice(0);
  });

  it('takes a whole envelope as the parent of the claim', async () => {
    const envelope = rootEnvelope('ClaimSubmitted.v1', 'corr-1');
    await controller.onSubmitted(contextOf({ ...envelopeToHeaders(envelope), 'content-type': 'application/json' }));
    expect(commands.map((c) => c.parent)).toEqual([envelope]);
    expect(deadLetters).toEqual([]);
  });

  it('submits a message without an envelope with none, its correlation id kept', async () => {
    await controller.onSubmitted(contextOf({ 'content-type': 'application/json', [HEADERS.correlationId]: 'corr-2' }));
    expect(commands.map((c) => [c.parent, c.correlationId, c.submitterId])).toEqual([[undefined, 'corr-2', 'acme']]);
    expect(deadLetters).toEqual([]);
  });

  it('submits a message whose envelope is broken with none, never dead-letters it for that', async () => {
    const { [HEADERS.occurredAt]: _at, ...broken } = envelopeToHeaders(rootEnvelope('ClaimSubmitted.v1'));
    void _at;
    await controller.onSubmitted(contextOf(broken));
    expect(commands.map((c) => c.parent)).toEqual([undefined]);
    expect(deadLetters).toEqual([]);
  });
});
