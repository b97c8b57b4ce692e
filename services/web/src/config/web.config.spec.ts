import { parseConfig } from '@claimflow/runtime';
import { WebConfigSchema } from './web.config';

describe('web configuration', () => {
  it('has no Kafka credentials at all, so none can be given to it (web talks HTTP only)', () => {
    const env = {
      NODE_ENV: 'production',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'web',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_SSL: 'true',
    };
    const config = parseConfig(WebConfigSchema, env) as Record<string, unknown>;
    expect(Object.keys(config).filter((key) => /^KAFKA_(SASL|SSL)/.test(key))).toEqual([]);
  });
});
