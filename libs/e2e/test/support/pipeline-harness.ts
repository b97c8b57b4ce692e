import { Kafka, logLevel, type Producer } from 'kafkajs';
import { TOPICS } from '@claimflow/contracts';
import { TopicRecorder, createTestDatabase, startInfra, uniqueSuffix, type Infra, type TestDatabase } from '@claimflow/testing';
import { startPipeline, type Pipeline } from './start-pipeline';

export interface PipelineHarness {
  readonly suffix: string;
  readonly infra: Infra;
  readonly db: TestDatabase;
  readonly pipeline: Pipeline;
  readonly recorder: TopicRecorder;
  readonly producer: Producer;
  topic(name: (typeof TOPICS)[keyof typeof TOPICS]): string;
  close(): Promise<void>;
}

/** Real broker and database, the three claim services on their own topics and database, a recorder of the output topics. */
export async function startPipelineHarness(name: string): Promise<PipelineHarness> {
  const suffix = `.${name}-${uniqueSuffix()}`;
  const infra = await startInfra();
  const db = await createTestDatabase(infra.databaseUrl);
  const recorded = [TOPICS.claimsPriced, TOPICS.claimsDeadLetter].map((t) => t + suffix);
  const recorder = await TopicRecorder.start(infra.kafkaBrokers, recorded, `${name}-recorder${suffix}`);
  const pipeline = await startPipeline({ brokers: infra.kafkaBrokers, databaseUrl: db.urls.ingest, suffix });
  const producer = new Kafka({ clientId: `${name}-producer`, brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  return {
    suffix,
    infra,
    db,
    pipeline,
    recorder,
    producer,
    topic: (t) => t + suffix,
    close: async () => {
      await producer.disconnect();
      await pipeline.close();
      await recorder.stop();
      await db.drop();
      await infra.stop();
    },
  };
}
