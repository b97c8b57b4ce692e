import 'reflect-metadata';
import { runService } from '@claimflow/runtime';
import { VALIDATOR_SERVICE } from './validator.service';

runService(VALIDATOR_SERVICE);
