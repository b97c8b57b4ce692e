import type { CliCommand } from '../cli-command';
import { checkCommand } from './check.command';
import { feeCommand } from './fee.command';
import { kafkaCredentialsCommand } from './kafka-credentials.command';
import { keysCommand } from './keys.command';
import { lookupCommand } from './lookup.command';
import { refdataCommand } from './refdata.command';
import { remitCommand } from './remit.command';

export const commands: readonly CliCommand[] = [
  checkCommand,
  feeCommand,
  lookupCommand,
  refdataCommand,
  remitCommand,
  keysCommand,
  kafkaCredentialsCommand,
];
