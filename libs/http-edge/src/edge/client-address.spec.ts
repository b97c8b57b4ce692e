import { EDGE_SECRET_HEADER, clientAddressMiddleware, clientAddressOf } from './client-address';

const SECRET = 'edge-secret-for-this-test-0123456789';

function addressOf(headers: Record<string, string>, secret: string | null = SECRET): { address: string; headers: Record<string, string> } {
  const req = { headers: { ...headers }, ip: '127.0.0.1', socket: { remoteAddress: '127.0.0.1' } };
  clientAddressMiddleware(secret ?? undefined)(req as never, {} as never, () => undefined);
  return { address: clientAddressOf(req), headers: req.headers };
}

describe('the client address', () => {
  it('is the socket (or trusted proxy) address whatever X-Forwarded-For says without the edge secret', () => {
    expect(addressOf({ 'x-forwarded-for': '203.0.113.9' }).address).toBe('127.0.0.1');
    expect(addressOf({ 'x-forwarded-for': '203.0.113.9', [EDGE_SECRET_HEADER]: 'wrong' }).address).toBe('127.0.0.1');
    expect(addressOf({ 'x-forwarded-for': '203.0.113.9', [EDGE_SECRET_HEADER]: SECRET }, null).address).toBe('127.0.0.1');
  });

  it('is what web says with the edge secret, when that is one address, and the secret goes no further', () => {
    const vouched = addressOf({ 'x-forwarded-for': '203.0.113.9', [EDGE_SECRET_HEADER]: SECRET });
    expect(vouched.address).toBe('203.0.113.9');
    expect(vouched.headers[EDGE_SECRET_HEADER]).toBeUndefined();
    expect(addressOf({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1', [EDGE_SECRET_HEADER]: SECRET }).address).toBe('127.0.0.1');
  });
});
