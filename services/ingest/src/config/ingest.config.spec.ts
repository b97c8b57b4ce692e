import { parseConfig } from '@claimflow/platform';
import { IngestConfigSchema } from './ingest.config';

describe('INGEST_INBOX_RETENTION', () => {
  const retention = (value?: string) => parseConfig(IngestConfigSchema, { INGEST_INBOX_RETENTION: value }).INGEST_INBOX_RETENTION;

  it('is seven days unless set, and reads minutes, hours and days', () => {
    expect(retention()).toBe(7 * 86_400_000);
    expect(retention('90m')).toBe(90 * 60_000);
    expect(retention('36h')).toBe(36 * 3_600_000);
    expect(retention('30d')).toBe(30 * 86_400_000);
  });

  it('refuses a malformed value or one under an hour, naming the setting but not the value', () => {
    for (const bad of ['12', '7 days', '-1d', '1.5h', '59m', '0d']) {
      const message = (() => {
        try {
          retention(bad);
        } catch (error) {
          return (error as Error).message;
        }
        return 'accepted';
      })();
      expect(message).toMatch(/INGEST_INBOX_RETENTION/);
      expect(message).not.toContain(bad);
    }
  });
});
