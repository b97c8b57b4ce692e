import { unpackRecord } from '@claimflow/contracts';
import { clusterKafka } from './cluster-metadata';

/**
 * Where stuck claims got to, read from the cluster itself: per topic, how many messages carry each stuck claim's
 * id as key (a claim's messages are keyed by its id), and each consumer group's lag per topic. Ids and counts only.
 */
export interface ClaimTrail {
  /** topic -> messages keyed by a stuck claim (summed over the stuck claims), and how many stuck claims had one. */
  readonly keyed: Record<string, { readonly messages: number; readonly claims: number }>;
  /** topic -> messages keyed by one priced claim, read the same way: shows the reading itself worked. */
  readonly control: Record<string, number>;
  /** group -> topic -> messages not yet committed. */
  readonly lag: Record<string, Record<string, number>>;
}

const READ_MS = 20_000;

export async function claimTrail(brokers: string[], topics: string[], stuckClaimIds: string[], controlId?: string): Promise<ClaimTrail> {
  const kafka = clusterKafka(brokers, 'cluster-test-trail');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, Map<number, number>>();
    for (const topic of topics) ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, Number(o.high)])));
    const lag: ClaimTrail['lag'] = {};
    for (const { groupId } of (await admin.listGroups()).groups) {
      if (groupId.startsWith('cluster-test')) continue;
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics })) {
        const behind = partitions.reduce(
          (n, p) => n + Math.max(0, (ends.get(topic)?.get(p.partition) ?? 0) - Math.max(0, Number(p.offset))),
          0,
        );
        if (partitions.some((p) => Number(p.offset) >= 0)) (lag[groupId] ??= {})[topic] = behind;
      }
    }
    const keyed: Record<string, { messages: number; claims: Set<string> }> = {};
    const control: Record<string, number> = {};
    const wanted = new Set(stuckClaimIds);
    if (wanted.size > 0) {
      const consumer = kafka.consumer({ groupId: `cluster-test-trail-${Date.now()}` });
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      const remaining = new Set([...ends].flatMap(([t, ps]) => [...ps].filter(([, high]) => high > 0).map(([p]) => `${t}/${p}`)));
      let done!: () => void;
      const finished = new Promise<void>((resolve) => (done = resolve));
      await consumer.run({
        eachBatch: async ({ batch }) => {
          // A packed record (the claim topics) counts each claim message it carries.
          for (const m of batch.messages.flatMap(unpackRecord)) {
            const key = m.key?.toString() ?? '';
            if (key === controlId) control[batch.topic] = (control[batch.topic] ?? 0) + 1;
            if (!wanted.has(key)) continue;
            const entry = (keyed[batch.topic] ??= { messages: 0, claims: new Set() });
            entry.messages++;
            entry.claims.add(key);
          }
          const last = Number(batch.messages[batch.messages.length - 1]?.offset ?? -1);
          if (last + 1 >= (ends.get(batch.topic)?.get(batch.partition) ?? 0)) remaining.delete(`${batch.topic}/${batch.partition}`);
          if (remaining.size === 0) done();
        },
      });
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, READ_MS))]);
      await consumer.disconnect().catch(() => undefined);
    }
    return {
      keyed: Object.fromEntries(Object.entries(keyed).map(([t, e]) => [t, { messages: e.messages, claims: e.claims.size }])),
      control,
      lag,
    };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
