import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { VALIDATOR_SERVICE } from './validator.service';

runService(VALIDATOR_SERVICE);
