/** The CLI's commands, for the end-to-end tests that drive them beside the services. */
export { commands } from './commands';
export { kafkaCredentialsCommand } from './commands/kafka-credentials.command';
export type { OwnerCredentials } from './commands/kafka-owner-access';
