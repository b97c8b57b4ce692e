import 'reflect-metadata';
import { runService } from '@claimflow/runtime';
import { INGEST_SERVICE } from './ingest.service';

runService(INGEST_SERVICE);
