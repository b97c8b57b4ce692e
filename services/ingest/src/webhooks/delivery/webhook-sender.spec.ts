import { sendSigned } from './webhook-sender';

const closed = { allowedHosts: [], production: true };
const request = (url: string) => ({ url, secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, eventId: 'evt_1', body: '{}' });

describe('sending a webhook (SSRF at connection time)', () => {
  it.each([
    'http://10.0.0.1/h',
    'http://169.254.169.254/latest',
    'http://[::1]:9/h',
    'http://[::ffff:127.0.0.1]:9/h',
    'http://localhost:9/h',
  ])('connects to no private address: %s', async (url) =>
    expect(await sendSigned(request(url), closed, 1_000)).toEqual({ error: 'address refused' }),
  );
});
