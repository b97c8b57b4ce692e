import { keysReports } from './support/denial-reports/keys.reports';
import { refusalsReports } from './support/denial-reports/refusals.reports';
import { storageReports } from './support/denial-reports/storage.reports';
import { reportSession } from './support/report-session';

/**
 * One spec file, so the harness's shared infrastructure is set up once (three files took 54 s against 20 s for one);
 * each test still starts a feedback service of its own. The tests live by concern in support/denial-reports.
 */
describe('POST /v1/denial-reports', () => {
  const s = reportSession();
  keysReports(s);
  storageReports(s);
  refusalsReports(s);
});
