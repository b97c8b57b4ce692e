import { Kafka, logLevel, type Producer } from 'kafkajs';
import { TOPICS } from '@claimflow/contracts';
import {
  TopicRecorder,
  createTestDatabase,
  kafkaClientSecurity,
  mintTestKey,
  startInfra,
  uniqueSuffix,
  type Infra,
  type TestApiKey,
  type TestDatabase,
} from '@claimflow/testing';
import { createOwnerTopics, type OwnerTopicNames } from './owner-topics';
import { startPipeline, type Pipeline } from './start-pipeline';

export interface PipelineHarness {
  readonly suffix: string;
  readonly infra: Infra;
  readonly db: TestDatabase;
  readonly pipeline: Pipeline;
  readonly recorder: TopicRecorder;
  readonly producer: Producer;
  topic(name: (typeof TOPICS)[keyof typeof TOPICS]): string;
  /** This owner's submit and results topics (suffixed), created as `claimflow kafka-credentials create` does. */
  ownerTopics(owner: string): Promise<OwnerTopicNames>;
  /** An API key (claims:submit and claims:read) of this submitter organisation, minted once per owner. */
  keyOf(owner: string): Promise<TestApiKey>;
  close(): Promise<void>;
}

/** Real broker and database, the three claim services on their own topics and database, a recorder of the output topics. */
export async function startPipelineHarness(
  name: string,
  options: Pick<Parameters<typeof startPipeline>[0], 'logStream' | 'extra' | 'withoutPricing'> = {},
): Promise<PipelineHarness> {
  const suffix = `.${name}-${uniqueSuffix()}`;
  const infra = await startInfra();
  const db = await createTestDatabase(infra.databaseUrl);
  const recorded = [TOPICS.claimsPriced, TOPICS.claimsDeadLetter].map((t) => t + suffix);
  const recorder = await TopicRecorder.start(infra.kafkaBrokers, recorded, `${name}-recorder${suffix}`);
  const pipeline = await startPipeline({ brokers: infra.kafkaBrokers, databaseUrl: db.urls.ingest, suffix, ...options });
  // The test plays the PM system publishing claims: the admin principal.
  const security = kafkaClientSecurity('admin', infra.kafkaBrokers);
  const producer = new Kafka({
    clientId: `${name}-producer`,
    brokers: infra.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    ...security,
  }).producer();
  await producer.connect();
  const keys = new Map<string, Promise<TestApiKey>>();
  const keyOf = (owner: string) => {
    if (!keys.has(owner)) keys.set(owner, mintTestKey(db.url, { owner, scopes: ['claims:submit', 'claims:read'] }));
    return keys.get(owner)!;
  };
  return {
    keyOf,
    suffix,
    infra,
    db,
    pipeline,
    recorder,
    producer,
    topic: (t) => t + suffix,
    ownerTopics: (owner) => createOwnerTopics(infra.kafkaBrokers, owner, suffix),
    close: async () => {
      await producer.disconnect();
      await pipeline.close();
      await recorder.stop();
      await db.drop();
      await infra.stop();
    },
  };
}
