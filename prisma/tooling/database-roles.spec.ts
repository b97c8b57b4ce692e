import { OWNER_SCHEMAS, SERVICE_ROLES, roleUrl } from './database-roles';

describe('service roles', () => {
  const reach = (service: string) => {
    const spec = SERVICE_ROLES.find((r) => r.service === service);
    if (!spec) throw new Error(`no role for ${service}`);
    return [...spec.writes, ...spec.reads, ...spec.tables.map((t) => t.schema)];
  };

  it('gives each service only the schemas of the data it owns or checks', () => {
    expect(reach('ingest')).toEqual(['ledger', 'keys']);
    expect(reach('feedback')).toEqual(['feedback', 'keys']);
    expect(reach('refdata')).toEqual(['refdata']);
    expect(reach('admin')).toEqual([...OWNER_SCHEMAS]);
  });

  it('lets the services read API keys and stamp their use, nothing more', () => {
    for (const service of ['ingest', 'feedback']) {
      const spec = SERVICE_ROLES.find((r) => r.service === service);
      expect(spec?.tables).toEqual([{ schema: 'keys', table: 'api_key', privileges: 'SELECT, UPDATE (last_used_at)' }]);
    }
  });

  it('builds a role URL on the same server and database, without the administrator password', () => {
    expect(roleUrl('postgresql://postgres:secret@db.example:6543/claimflow?sslmode=require', 'claimflow_ingest')).toBe(
      'postgresql://claimflow_ingest@db.example:6543/claimflow?sslmode=require',
    );
    expect(roleUrl('postgresql://postgres@127.0.0.1:5432/claimflow_test_1', 'claimflow_feedback', 'p w')).toBe(
      'postgresql://claimflow_feedback:p%20w@127.0.0.1:5432/claimflow_test_1',
    );
  });
});
