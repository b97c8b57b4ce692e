import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '@claimflow/testing';
import { admissionControl } from './admission-control';

describe('admission control', () => {
  let server: Server;
  let url: string;
  let gate: () => void;
  const admission = admissionControl(2);

  beforeAll(async () => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    gate = open;
    // Work that holds its slot until the gate opens; health answers at once.
    server = createServer((req, res) =>
      admission(req, res, () => {
        if (req.url?.startsWith('/health')) return res.end('ok');
        void opened.then(() => res.end('done'));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('refuses the request over the bound at once with 503 OVERLOADED problem details and Retry-After', async () => {
    const held = [fetch(`${url}/v1/claims`, { method: 'POST' }), fetch(`${url}/v1/claims`, { method: 'POST' })];
    await waitFor(() => admission.inFlight() === 2, { description: 'both requests admitted', timeoutMs: 5_000 });
    expect(admission.inFlight()).toBe(2);
    const over = await fetch(`${url}/v1/remittances`, { method: 'POST' });
    expect(over.status).toBe(503);
    expect(over.headers.get('retry-after')).toBe('2');
    expect(over.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await over.json()).toMatchObject({ status: 503, code: 'OVERLOADED' });

    // Health and metrics are neither refused nor counted.
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    expect(admission.inFlight()).toBe(2);

    gate();
    expect(await Promise.all(held.map(async (r) => (await r).text()))).toEqual(['done', 'done']);
    expect(admission.inFlight()).toBe(0);
    expect((await fetch(`${url}/v1/claims`)).status).toBe(200);
    expect(admission.refused()).toBe(1);
  });

  it('gives the slot back when the client goes away before the answer', async () => {
    const limited = admissionControl(1);
    const held = createServer((req, res) => limited(req, res, () => undefined));
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(held.address() as AddressInfo).port}`;
    await fetch(at, { signal: AbortSignal.timeout(100) }).catch(() => undefined);
    await waitFor(() => limited.inFlight() === 0, { description: 'the slot given back', timeoutMs: 5_000 });
    expect(limited.inFlight()).toBe(0);
    held.closeAllConnections();
    await new Promise((resolve) => held.close(resolve));
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => admissionControl(0)).toThrow('positive integer');
  });
});
