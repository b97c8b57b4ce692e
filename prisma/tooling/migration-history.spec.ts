import { compareHistory, type MigrationRow } from './migration-history';
import type { MigrationFile } from './migration-files';

const file = (name: string, checksum = `sum-${name}`): MigrationFile => ({ name, sql: '', checksum });
const t = new Date('2026-11-24T10:00:00Z');
const row = (name: string, over: Partial<MigrationRow> = {}): MigrationRow => ({
  id: `id-${name}`,
  checksum: `sum-${name}`,
  finished_at: t,
  migration_name: name,
  logs: null,
  rolled_back_at: null,
  started_at: t,
  applied_steps_count: 1,
  ...over,
});

describe('compareHistory', () => {
  it('splits disk migrations into applied and pending', () => {
    const history = compareHistory([file('m1'), file('m2'), file('m3')], [row('m1'), row('m2')]);
    expect(history).toEqual({ applied: ['m1', 'm2'], pending: ['m3'], modified: [], failed: [], missingFromDisk: [] });
  });

  it('flags an applied migration whose file changed', () => {
    expect(compareHistory([file('m1', 'edited')], [row('m1')]).modified).toEqual(['m1']);
  });

  it('reports unfinished, unresolved rows as failed and does not retry them as pending', () => {
    const history = compareHistory([file('m1'), file('m2')], [row('m1'), row('m2', { finished_at: null, logs: 'boom' })]);
    expect(history.failed).toEqual(['m2']);
    expect(history.pending).toEqual([]);
  });

  it('ignores rolled-back rows, so a rolled-back migration is pending again', () => {
    const rolledBack = row('m1', { finished_at: null, rolled_back_at: t, applied_steps_count: 0 });
    expect(compareHistory([file('m1')], [rolledBack])).toEqual(expect.objectContaining({ applied: [], pending: ['m1'], failed: [] }));
  });

  it('lists applied migrations that are no longer on disk', () => {
    expect(compareHistory([file('m2')], [row('m1'), row('m2')]).missingFromDisk).toEqual(['m1']);
  });
});
