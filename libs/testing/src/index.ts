export * from './polling/wait-for';
export * from './polling/unique-suffix';
export * from './infra/infra';
export * from './infra/infra-images';
export * from './infra/start-infra';
export * from './database/create-test-database';
export * from './kafka/topic-recorder';
export * from './auth/test-api-key';
