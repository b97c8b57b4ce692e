import type { Admin } from 'kafkajs';

/**
 * Records of `topic` a consumer group has yet to read (a packed record counts once): each partition's end less the
 * group's committed offset (a partition it never read from has none, -1: it counts from the partition's start).
 */
export async function groupLag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
  const read = (partition: number) => Number(committed?.partitions.find((p) => p.partition === partition)?.offset ?? -1);
  return ends.reduce((sum, end) => sum + Math.max(0, Number(end.high) - Math.max(read(end.partition), Number(end.low))), 0);
}
