import { postJson, type JsonResponse } from './start-feedback';
import { startHarness, type Harness } from './feedback-harness';

/** A feedback service of its own for each test, and a reporter key (reports:submit) signed in to post with. */
export interface ReportSession {
  h: Harness;
  token: string;
  keyId: string;
  signIn(): Promise<void>;
  submit(body: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
  storedCount(): Promise<number>;
}

/** Registers the per-test harness (beforeEach / afterEach) of the POST /v1/denial-reports specs. */
export function reportSession(): ReportSession {
  const s = {} as ReportSession;
  s.signIn = async () => {
    ({ key: s.token, id: s.keyId } = await s.h.reporterKey('submitter'));
  };
  s.submit = (body, headers = {}) => postJson(`${s.h.svc.url}/v1/denial-reports`, body, { authorization: `Bearer ${s.token}`, ...headers });
  s.storedCount = async () => Number((await s.h.query<{ n: string }>('SELECT count(*) AS n FROM denial_report'))[0].n);

  beforeEach(async () => {
    s.h = await startHarness();
    await s.signIn();
  });
  afterEach(async () => {
    await s.h.close();
  });
  return s;
}
