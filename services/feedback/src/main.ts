import 'reflect-metadata';
import { runService } from '@claimflow/runtime';
import { FEEDBACK_SERVICE } from './feedback.service';

runService(FEEDBACK_SERVICE);
