import { OWNER_TOPICS, ownerTopicPattern } from '@claimflow/contracts';
import { OwnerTopics, ownerOfTopic } from './owner-topics';
import { OwnerTopicWatcher } from './owner-topic-watcher';

const submitted = ownerTopicPattern(OWNER_TOPICS.claimsSubmitted);

describe('owner topics', () => {
  it('reads the owner from the topic name, up to the suffix, and nothing else', () => {
    expect(ownerOfTopic('claims.submitted.v1', 'claims.submitted.v1.clinic-a', '')).toBe('clinic-a');
    expect(ownerOfTopic('claims.submitted.v1', 'claims.submitted.v1.clinic_b.t-42', '.t-42')).toBe('clinic_b');
    // Another test's suffix, the shared topic, a results topic, an empty or dotted owner: no owner.
    for (const topic of [
      'claims.submitted.v1.clinic-a.t-43',
      'claims.submitted.v1.t-42',
      'claims.submitted.v1',
      'claims.results.v1.clinic-a.t-42',
      'claims.submitted.v1..t-42',
      'claims.submitted.v1.a.b.t-42',
      'claims_submitted_v1.clinic-a.t-42',
    ])
      expect(ownerOfTopic('claims.submitted.v1', topic, '.t-42')).toBeUndefined();
    // A deployment without a suffix does not consume a test's suffixed topic either (owners have no dots).
    expect(ownerOfTopic('claims.submitted.v1', 'claims.submitted.v1.clinic-a.t-42', '')).toBeUndefined();
  });

  it('maps physical owner topics to their handler pattern and selects them among the broker topics', () => {
    const owners = new OwnerTopics(['claims.validated.v1', submitted], '.sfx');
    expect(owners.any).toBe(true);
    expect(owners.isFamily(submitted)).toBe(true);
    expect(owners.isFamily('claims.validated.v1')).toBe(false);
    expect(owners.patternOf('claims.submitted.v1.b.sfx')).toBe(submitted);
    expect(owners.patternOf('claims.validated.v1.sfx')).toBeUndefined();
    const broker = ['claims.submitted.v1.b.sfx', 'claims.validated.v1.sfx', 'claims.submitted.v1.sfx', 'claims.submitted.v1.a.sfx'];
    expect(owners.select(broker)).toEqual(['claims.submitted.v1.a.sfx', 'claims.submitted.v1.b.sfx']);
    expect(new OwnerTopics(['claims.validated.v1'], '').any).toBe(false);
  });
});

describe('OwnerTopicWatcher', () => {
  const setup = () => {
    const broker = ['claims.submitted.v1.a', 'claims.validated.v1'];
    const subscriptions: (readonly string[])[] = [];
    let failNext = false;
    const watcher = new OwnerTopicWatcher({
      owners: new OwnerTopics([submitted], ''),
      listTopics: async () => [...broker],
      subscribe: async (added) => {
        if (failNext) {
          failNext = false;
          throw new Error('broker away');
        }
        subscriptions.push(added);
      },
      warn: () => undefined,
      intervalMs: 3_600_000,
    });
    return { broker, subscriptions, watcher, fail: () => (failNext = true) };
  };

  it('subscribes to owner topics created after it started, each once', async () => {
    const { broker, subscriptions, watcher } = setup();
    watcher.start(['claims.submitted.v1.a', 'claims.validated.v1']);
    expect(await watcher.checkOnce()).toEqual([]);
    broker.push('claims.submitted.v1.b', 'claims.results.v1.b', 'claims.submitted.v1.c');
    expect(await watcher.checkOnce()).toEqual(['claims.submitted.v1.b', 'claims.submitted.v1.c']);
    expect(await watcher.checkOnce()).toEqual([]);
    expect(subscriptions).toEqual([['claims.submitted.v1.b', 'claims.submitted.v1.c']]);
    await watcher.stop();
  });

  it('tries a failed subscription again at the next look', async () => {
    const { broker, subscriptions, watcher, fail } = setup();
    watcher.start(['claims.submitted.v1.a']);
    broker.push('claims.submitted.v1.d');
    fail();
    await expect(watcher.checkOnce()).rejects.toThrow('broker away');
    expect(await watcher.checkOnce()).toEqual(['claims.submitted.v1.d']);
    expect(subscriptions).toEqual([['claims.submitted.v1.d']]);
    await watcher.stop();
  });
});
