import type { KafkaContext } from '@nestjs/microservices';
import { envelopeToHeaders, rootEnvelope, type ClaimDeadLetteredV1 } from '@claimflow/contracts';
import { TopicResolver, type InboundProcessor } from '@claimflow/kafka';
import { IngestMetrics } from '../ingest.metrics';
import type { TrackClaimHandler } from './track-claim.handler';
import { TrackClaimKafkaController } from './track-claim.kafka.controller';

const SUFFIX = '.t1';

const deadLetter = (sourceTopic: string): ClaimDeadLetteredV1 => ({
  type: 'ClaimDeadLettered.v1',
  reason: { code: 'INVALID_MESSAGE', message: 'message does not match its contract', errors: [] },
  source: { service: 'pricing', topic: sourceTopic, key: 'c-1', headers: {} },
  originalValueBase64: '',
  claimId: 'c-1',
});

function contextOf(body: ClaimDeadLetteredV1): KafkaContext {
  const message = {
    key: Buffer.from('c-1'),
    value: Buffer.from(JSON.stringify(body)),
    headers: envelopeToHeaders(rootEnvelope('ClaimDeadLettered.v1')),
    offset: '3',
  };
  return { getMessage: () => message, getTopic: () => `claims.dead-letter.v1${SUFFIX}`, getPartition: () => 0 } as unknown as KafkaContext;
}

describe('TrackClaimKafkaController dead letters', () => {
  const applied: ClaimDeadLetteredV1[] = [];
  const handler = {
    onDeadLettered: async (_id: string, message: ClaimDeadLetteredV1) => void applied.push(message),
  } as unknown as TrackClaimHandler;
  const controller = new TrackClaimKafkaController(
    {} as InboundProcessor,
    handler,
    new TopicResolver({ brokers: [], clientId: 'ingest', topicSuffix: SUFFIX, groupId: 'g' }),
    new IngestMetrics('ingest'),
  );

  beforeEach(() => applied.splice(0));

  it.each([
    'claims.normalized.v2',
    'claims.validated.v2',
    'claims.priced.v2',
    'claims.normalized.v1',
    'claims.validated.v1',
    'claims.priced.v1',
  ])('finishes the claim of a message dead-lettered from %s', async (topic) => {
    await controller.onDeadLettered(contextOf(deadLetter(topic + SUFFIX)));
    expect(applied.map((d) => d.claimId)).toEqual(['c-1']);
  });

  it("leaves intake's own dead letters alone: the ledger recorded those claims as rejected before sending them", async () => {
    await controller.onDeadLettered(contextOf(deadLetter(`claims.submitted.v1.acme${SUFFIX}`)));
    expect(applied).toEqual([]);
  });

  it('leaves a dead letter of another topic alone (a denial report is no claim)', async () => {
    await controller.onDeadLettered(contextOf(deadLetter(`denial-reports.submitted.v1${SUFFIX}`)));
    expect(applied).toEqual([]);
  });
});

describe('TrackClaimKafkaController validations of claims priced here', () => {
  const settled = new Set(['priced-here']);
  const handler = { isValidationSettled: (id: string) => settled.has(id) } as unknown as TrackClaimHandler;
  const processed: string[] = [];
  const unread: string[] = [];
  const inbound = {
    process: async (context: KafkaContext) => void processed.push(String(context.getMessage().key)),
    unread: (context: KafkaContext) => void unread.push(String(context.getMessage().key)),
  } as unknown as InboundProcessor;
  const metrics = new IngestMetrics('ingest');
  const controller = new TrackClaimKafkaController(
    inbound,
    handler,
    new TopicResolver({ brokers: [], clientId: 'ingest', topicSuffix: SUFFIX, groupId: 'g' }),
    metrics,
  );
  const validation = (key: string | null) =>
    ({
      getMessage: () => ({ key: key === null ? null : Buffer.from(key), value: Buffer.from('not even JSON'), headers: {}, offset: '1' }),
      getTopic: () => `claims.validated.v2${SUFFIX}`,
      getPartition: () => 0,
    }) as unknown as KafkaContext;

  it('leaves unread (v2 and v1) a validation keyed by a claim priced here, counted as consumed and as unread', async () => {
    await controller.onValidated(validation('priced-here'));
    await controller.onValidatedV1(validation('priced-here'));
    expect(processed).toEqual([]);
    expect(unread).toEqual(['priced-here', 'priced-here']);
    expect((await metrics.validationsUnread.get()).values[0]?.value).toBe(2);
  });

  it('reads and decides every other validation, one without a key included', async () => {
    await controller.onValidated(validation('not-priced-here'));
    await controller.onValidated(validation(null));
    expect(processed).toEqual(['not-priced-here', 'null']);
  });
});
