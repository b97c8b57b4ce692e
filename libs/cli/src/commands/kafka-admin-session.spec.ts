import type { AclEntry } from 'kafkajs';
import { provision, type KafkaAdmin } from './kafka-admin-session';
import type { BrokerAdmin } from './kafka-broker-admin';

const broker = { partitions: 3 } as BrokerAdmin;

/** An admin whose new topics get their leaders only after `unledReads` metadata reads, as on a busy broker. */
function adminWithLaggingLeaders(existing: string[], unledReads: number) {
  const calls: string[] = [];
  let reads = 0;
  const admin = {
    listTopics: async () => existing,
    createTopics: async (options: { topics: { topic: string }[]; waitForLeaders?: boolean }) => {
      calls.push(`create ${options.topics.map((t) => t.topic).join(',')} waitForLeaders=${String(options.waitForLeaders)}`);
      return true;
    },
    fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
      const led = ++reads > unledReads;
      return { topics: topics.map((name) => ({ name, partitions: [{ partitionId: 0, leader: led ? 1 : -1 }] })) };
    },
    createAcls: async ({ acl }: { acl: AclEntry[] }) => {
      calls.push(`acls ${acl.length} after ${reads} reads`);
      return true;
    },
  };
  return { admin: admin as unknown as KafkaAdmin, calls };
}

describe('provision: topics created, led, then their ACLs', () => {
  it("creates the missing topics without kafkajs's own wait for leaders, and waits for them itself", async () => {
    const { admin, calls } = adminWithLaggingLeaders(['claims.results.v1.a'], 3);
    await provision(admin, broker, ['claims.results.v1.a', 'claims.results.v2.a'], [{} as AclEntry]);
    expect(calls).toEqual(['create claims.results.v2.a waitForLeaders=false', 'acls 1 after 4 reads']);
  });

  it('creates nothing when every topic is there', async () => {
    const { admin, calls } = adminWithLaggingLeaders(['t'], 0);
    await provision(admin, broker, ['t'], []);
    expect(calls).toEqual(['acls 0 after 1 reads']);
  });
});
