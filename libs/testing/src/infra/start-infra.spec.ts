import { startInfra } from './start-infra';

const noDocker = async () => undefined;

describe('startInfra', () => {
  it('uses KAFKA_BROKERS and DATABASE_URL when both are set, without touching Docker', async () => {
    const probe = jest.fn(noDocker);
    const infra = await startInfra(
      { KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9094', DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/claimflow' },
      probe,
    );
    expect(infra.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9094']);
    expect(infra.databaseUrl).toBe('postgresql://postgres@127.0.0.1:5432/claimflow');
    await expect(infra.stop()).resolves.toBeUndefined();
    expect(probe).not.toHaveBeenCalled();
  });

  it('fails with a pointer to scripts/test.sh when nothing is configured and Docker is absent', async () => {
    await expect(startInfra({}, noDocker)).rejects.toThrow(
      /KAFKA_BROKERS and DATABASE_URL not set and no Docker engine reachable\..*bash scripts\/test\.sh/,
    );
  });

  it('names only the missing variable', async () => {
    await expect(startInfra({ DATABASE_URL: 'postgresql://x@h/db' }, noDocker)).rejects.toThrow(/^KAFKA_BROKERS not set/);
  });
});
