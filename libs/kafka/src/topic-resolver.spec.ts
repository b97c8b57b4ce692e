import { TopicResolver } from './topic-resolver';

describe('TopicResolver', () => {
  const resolver = new TopicResolver({ brokers: [], clientId: 'spec', topicSuffix: '.t1', groupId: 'g', packedTopics: ['claims.a.v2'] });

  it('names the physical topic, and packs only the packed topics of its own suffix', () => {
    expect(resolver.physical('claims.a.v2')).toBe('claims.a.v2.t1');
    expect(resolver.packs('claims.a.v2.t1')).toBe(true);
    expect(resolver.packs('claims.a.v2')).toBe(false);
    expect(resolver.packs('claims.b.v2.t1')).toBe(false);
    expect(new TopicResolver({ brokers: [], clientId: 'spec', topicSuffix: '', groupId: 'g' }).packs('claims.a.v2')).toBe(false);
  });
});
