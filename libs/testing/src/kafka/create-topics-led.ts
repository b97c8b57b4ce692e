import type { Admin } from 'kafkajs';

/**
 * Creates topics (those there already are kept) and waits until every partition has a leader, up to `timeoutMs`.
 * kafkajs's own waitForLeaders gives up with UNKNOWN_TOPIC_OR_PARTITION when new topics' metadata is slow to spread:
 * two pipeline bench runs died in their recorder's start that way right after clean-test-topics had deleted some
 * hundred topics (the broker still busy deleting), and a bench run on a loaded machine in its null pipeline.
 */
export async function createTopicsLed(admin: Admin, topics: readonly string[], numPartitions: number, timeoutMs = 30_000): Promise<void> {
  await admin
    .createTopics({ topics: topics.map((topic) => ({ topic, numPartitions })), waitForLeaders: true })
    .catch((error: { type?: string }) => {
      if (error.type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
    });
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 250))) {
    const led = await admin
      .fetchTopicMetadata({ topics: [...topics] })
      .then((m) => m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
    if (led) return;
    if (Date.now() > deadline) throw new Error(`${topics.length} new topics have no leaders after ${timeoutMs} ms`);
  }
}
