import { BaseConfigSchema, ConfigError, parseConfig } from './base.config';

describe('topic replication settings', () => {
  it('leaves them to the broker when unset or empty (compose passes ${VAR:-})', () => {
    for (const env of [{}, { KAFKA_REPLICATION_FACTOR: '', KAFKA_MIN_INSYNC_REPLICAS: '' }]) {
      const config = parseConfig(BaseConfigSchema, env);
      expect([config.KAFKA_REPLICATION_FACTOR, config.KAFKA_MIN_INSYNC_REPLICAS]).toEqual([undefined, undefined]);
    }
  });

  it('reads the cluster settings', () => {
    const config = parseConfig(BaseConfigSchema, { KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2' });
    expect([config.KAFKA_REPLICATION_FACTOR, config.KAFKA_MIN_INSYNC_REPLICAS]).toEqual([3, 2]);
  });

  it('refuses a count below 1 or not a whole number, naming the variable', () => {
    expect(() => parseConfig(BaseConfigSchema, { KAFKA_REPLICATION_FACTOR: '0' })).toThrow(ConfigError);
    expect(() => parseConfig(BaseConfigSchema, { KAFKA_MIN_INSYNC_REPLICAS: 'two' })).toThrow(/KAFKA_MIN_INSYNC_REPLICAS/);
  });
});

describe("V8's heap growing factor (HEAP_GROWING_PERCENT)", () => {
  it('defaults to the measured 100 and takes 0 for V8 to choose', () => {
    expect(parseConfig(BaseConfigSchema, {}).HEAP_GROWING_PERCENT).toBe(100);
    expect(parseConfig(BaseConfigSchema, { HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
  });

  it('refuses a negative, fractional or absurd percentage, naming the variable', () => {
    for (const value of ['-1', '12.5', '5000', 'lots'])
      expect(() => parseConfig(BaseConfigSchema, { HEAP_GROWING_PERCENT: value })).toThrow(/HEAP_GROWING_PERCENT/);
  });
});

describe('packed records (KAFKA_PACK_RECORDS)', () => {
  it('packs by default, and not when told false for a rollover', () => {
    expect(parseConfig(BaseConfigSchema, {}).KAFKA_PACK_RECORDS).toBe(true);
    expect(parseConfig(BaseConfigSchema, { KAFKA_PACK_RECORDS: 'false' }).KAFKA_PACK_RECORDS).toBe(false);
  });

  it('refuses what is not a boolean, naming the variable', () => {
    expect(() => parseConfig(BaseConfigSchema, { KAFKA_PACK_RECORDS: 'sometimes' })).toThrow(/KAFKA_PACK_RECORDS/);
  });
});
