import { TOPICS } from '@claimflow/contracts';
import { kafkaClientAs } from '@claimflow/testing';

const CLAIM_TOPICS = { normalized: TOPICS.claimsNormalized, validated: TOPICS.claimsValidated, priced: TOPICS.claimsPriced };

/**
 * How many claim messages a Kafka record carried on each claim topic over the run (packed records, README): the
 * messages the bench's recorders had read there (each of a packed record's counted) over the records the topic holds.
 */
export async function messagesPerRecord(brokers: string[], suffix: string, recorded: (topic: string) => number) {
  const admin = kafkaClientAs('bench-records', brokers).admin();
  await admin.connect();
  try {
    const figures: Record<string, { messages: number; records: number; messagesPerRecord: number }> = {};
    for (const [name, topic] of Object.entries(CLAIM_TOPICS)) {
      const records = (await admin.fetchTopicOffsets(topic + suffix)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
      const messages = recorded(topic + suffix);
      figures[name] = { messages, records, messagesPerRecord: +(messages / Math.max(1, records)).toFixed(1) };
    }
    return figures;
  } finally {
    await admin.disconnect();
  }
}
