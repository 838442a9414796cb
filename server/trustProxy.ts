import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * GT_TRUST_PROXY: which reverse proxies may tell the server the client's address
 * (X-Forwarded-For) and scheme (X-Forwarded-Proto). Behind nginx, Caddy or a load
 * balancer every request otherwise comes from the proxy's address, so the per-address
 * limits (failed sign-ins, console queries) would count every user as one, and
 * GT_COOKIE_SECURE=auto would not see https.
 *
 * Unset (the default) trusts no proxy. Otherwise Express's own forms: a number of hops
 * (`1`: the one proxy in front), or a comma-separated list of addresses, subnets and the
 * names `loopback`, `linklocal`, `uniquelocal` (`loopback`, `10.0.0.0/8`). `true` (trust
 * any sender) is refused: anyone could then choose the address the limits count.
 */

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export const TrustProxySetting = z
  .string()
  .trim()
  .transform((v, ctx): number | string | false => {
    if (v === '' || v === 'false' || v === '0') return false;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    const entries = v
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    if (v === 'true' || !entries.length || !entries.every(isAddressOrSubnet)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be the number of proxies in front (1), or a comma-separated list of their addresses or subnets (loopback, 10.0.0.0/8); true is refused, since any client could then set the address the rate limits count',
      });
      return z.NEVER;
    }
    return entries.join(', ');
  });
