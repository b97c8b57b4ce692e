import 'reflect-metadata';
import { runService } from '@claimflow/platform';
import { INGEST_SERVICE } from './ingest.service';

runService(INGEST_SERVICE);
