import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook is never sent to unless the operator allows the host (SSRF): this host, private networks,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges, IPv6's loopback,
 * unique-local and link-local, and IPv4 addresses inside IPv6 (mapped, NAT64) whose IPv4 address is one of these.
 */
const REFUSED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  REFUSED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const)
  REFUSED.addSubnet(net, bits, 'ipv6');

/** The IPv4 address an IPv6 address carries (::ffff:a.b.c.d, 64:ff9b::/96), if it carries one. */
function embeddedIpv4(address: string): string | undefined {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return undefined;
  if (m[1]) return m[1];
  const n = (parseInt(m[2]!, 16) << 16) | parseInt(m[3]!, 16);
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** Whether a webhook may go to this address without the operator's leave. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !REFUSED.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  return v4 ? isPublicAddress(v4) : !REFUSED.check(address, 'ipv6');
}

export interface ReceiverPolicy {
  readonly allowedHosts: readonly string[];
  readonly production: boolean;
}

export type ReceiverCheck = { ok: true; url: URL } | { ok: false; reason: string };

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '');

/** Whether the operator allows this host to be private or plain http (WEBHOOK_ALLOWED_HOSTS). */
export const isAllowedHost = (host: string, policy: ReceiverPolicy) => policy.allowedHosts.includes(host.toLowerCase());

/** Every address the host resolves to, or the address it is. */
export async function addressesOf(host: string): Promise<string[]> {
  if (isIP(host)) return [host];
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}

/** The receiver as a URL, unless its form or any address its host resolves to is refused. */
export async function checkReceiver(raw: string, policy: ReceiverPolicy): Promise<ReceiverCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'only https (or http) URLs' };
  if (url.username || url.password) return { ok: false, reason: 'no credentials in the URL (the signature authenticates)' };
  if (url.hash) return { ok: false, reason: 'no fragment' };
  const host = hostOf(url);
  if (isAllowedHost(host, policy)) return { ok: true, url };
  if (url.protocol !== 'https:' && policy.production) return { ok: false, reason: 'https is required' };
  const addresses = await addressesOf(host).catch(() => []);
  if (addresses.length === 0) return { ok: false, reason: 'the host does not resolve' };
  if (!addresses.every(isPublicAddress)) return { ok: false, reason: 'the host resolves to a private, loopback or link-local address' };
  return { ok: true, url };
}
