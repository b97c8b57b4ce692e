/** Keep in step with scripts/kafka/pom.xml (kafka.version) and docker-compose.yml. */
export const KAFKA_IMAGE = 'apache/kafka:4.1.1';
export const POSTGRES_IMAGE = 'postgres:16-alpine';
