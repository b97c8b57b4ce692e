export interface Infra {
  readonly kafkaBrokers: string[];
  /** Server-level URL; tests create their own database on it with createTestDatabase(). */
  readonly databaseUrl: string;
  stop(): Promise<void>;
}

export const NO_INFRA_MESSAGE =
  'Integration tests need Kafka and PostgreSQL. Run them with `bash scripts/test.sh` (starts the local broker and ' +
  'database and exports KAFKA_BROKERS / DATABASE_URL), export those two variables yourself, or make a Docker engine ' +
  'reachable so testcontainers can start them.';
