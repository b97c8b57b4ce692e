import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_FINAL_STATUSES } from '@claimflow/contracts';
import { FINAL_CLAIM_STATUSES } from '@claimflow/domain';
import { checkReceiver, isPublicAddress } from './receiver-address';

const closed = { allowedHosts: [], production: true };

describe('webhook receivers (SSRF)', () => {
  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8'])('lets %s through', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it('refuses private literals, http in production and credentials, unless the operator allows the host', async () => {
    for (const url of ['https://10.0.0.1/h', 'https://169.254.169.254/latest', 'https://[::1]:8443/h', 'https://localhost/h'])
      expect(await checkReceiver(url, closed)).toMatchObject({ ok: false });
    expect(await checkReceiver('http://8.8.8.8/h', closed)).toEqual({ ok: false, reason: 'https is required' });
    expect(await checkReceiver('https://u:p@8.8.8.8/h', closed)).toMatchObject({ ok: false });
    expect(await checkReceiver('https://8.8.8.8/h', closed)).toMatchObject({ ok: true });
    expect(await checkReceiver('http://127.0.0.1:9/h', { allowedHosts: ['127.0.0.1'], production: true })).toMatchObject({ ok: true });
    expect(await checkReceiver('http://[::1]:9/h', { allowedHosts: ['127.0.0.1'], production: false })).toMatchObject({ ok: false });
  });
});

describe('the webhook_claim_final trigger', () => {
  it('announces exactly the final statuses of the lifecycle', () => {
    const sql = readFileSync(join(__dirname, '../../../../prisma/migrations/20261206041000_webhooks/migration.sql'), 'utf8');
    const listed = /NEW\."status" IN \(([^)]*)\)/.exec(sql)?.[1];
    const statuses = [...listed!.matchAll(/'([a-z]+)'/g)].map((m) => m[1]).sort();
    expect(statuses).toEqual([...FINAL_CLAIM_STATUSES].sort());
    expect([...CLAIM_FINAL_STATUSES].sort()).toEqual(statuses);
  });
});
