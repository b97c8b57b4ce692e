import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { webService } from './web.service';

runService(webService);
