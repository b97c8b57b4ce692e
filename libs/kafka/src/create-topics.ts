import type { Admin } from 'kafkajs';

const typeOf = (error: unknown) => (error as { type?: string }).type;

/**
 * Creates the topics a service may create, with its partition count. On the secured broker a principal sees (and may
 * create) only the topics its ACLs name (scripts/kafka/acls.mjs): the broker refuses the others one by one in the same
 * answer and creates the rest, so a refusal of every remaining topic is no error; the owning service creates those.
 * (kafkajs still logs that answer once per start, as an ERROR line "Response CreateTopics ... Topic creation errors".)
 */
export async function createTopicsAllowed(admin: Admin, topics: readonly string[], numPartitions: number): Promise<void> {
  if (topics.length === 0) return;
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions })), waitForLeaders: true });
  } catch (error) {
    const errors = (error as { errors?: unknown[] }).errors;
    const refusedOrThere = (e: unknown) => typeOf(e) === 'TOPIC_AUTHORIZATION_FAILED' || typeOf(e) === 'TOPIC_ALREADY_EXISTS';
    if (!Array.isArray(errors) || !errors.some((e) => typeOf(e) === 'TOPIC_AUTHORIZATION_FAILED') || !errors.every(refusedOrThere))
      throw error;
  }
}
