import 'reflect-metadata';
import { runService } from '@claimflow/runtime';
import { webService } from './web.service';

runService(webService);
