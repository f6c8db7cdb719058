import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which reverse proxies may tell us the client's address in `X-Forwarded-For`. Off by default:
 * without a proxy the header is whatever the client wrote, so it must never be believed.
 * - `hops`: the nearest n hops (the TCP peer and n-1 `X-Forwarded-For` entries) are our proxies.
 * - `addresses`: proxies by address or CIDR; any other peer is the client itself.
 */
export type TrustProxy =
  { kind: 'off' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: string[] };

/** '::ffff:10.0.0.1' (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
export const normalizeAddress = (address: string): string => {
  const a = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
};

function parseCidr(entry: string): { address: string; prefix?: number } | null {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!address || !family || rest.length) return null;
  if (prefix === undefined) return { address };
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) return null;
  return { address, prefix: Number(prefix) };
}

/** `TRUST_PROXY`: unset/`false`/`0` = off, a hop count (`1`), or a comma list of addresses/CIDRs. */
export const TrustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((raw, ctx): TrustProxy => {
    if (raw === '' || raw === 'false' || raw === '0') return { kind: 'off' };
    if (/^\d+$/.test(raw)) return { kind: 'hops', hops: Number(raw) };
    const list = raw.split(',').map((s) => s.trim());
    const bad = list.filter((e) => !parseCidr(e));
    if (bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `not a hop count or a list of IP addresses/CIDRs (bad: ${bad.join(', ')})`,
      });
      return z.NEVER;
    }
    return { kind: 'addresses', list };
  });

const blockLists = new WeakMap<TrustProxy, BlockList>();
function blockListOf(trust: Extract<TrustProxy, { kind: 'addresses' }>): BlockList {
  let b = blockLists.get(trust);
  if (b) return b;
  b = new BlockList();
  for (const e of trust.list) {
    const { address, prefix } = parseCidr(e)!;
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) b.addAddress(address, type);
    else b.addSubnet(address, prefix, type);
  }
  blockLists.set(trust, b);
  return b;
}

function isTrusted(trust: Extract<TrustProxy, { kind: 'addresses' }>, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && blockListOf(trust).check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address from the TCP peer and the `X-Forwarded-For` header. The header is read only
 * when the peer is a trusted proxy, and then from the right: the rightmost entry that is not one of
 * our proxies was written by a proxy we trust, everything left of it by the client.
 */
export function resolveClientAddress(
  trust: TrustProxy,
  peer: string,
  forwardedFor: string | undefined,
): string {
  const hops = [
    ...(forwardedFor ?? '')
      .split(',')
      .map(normalizeAddress)
      .filter((s) => s !== ''),
    normalizeAddress(peer),
  ];
  if (trust.kind === 'off' || !forwardedFor) return normalizeAddress(peer);
  if (trust.kind === 'hops') return hops[Math.max(0, hops.length - 1 - trust.hops)]!;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isTrusted(trust, hops[i]!)) return hops[i]!;
  }
  return hops[0]!;
}
