import type { RequestHandler } from 'express';
import { errorBody, HttpError } from './errors.js';

/**
 * Refuses requests addressed to a name this server does not answer to, and writes
 * sent from another site.
 *
 * A web page can make the browser send requests to 127.0.0.1:3000 under its own name
 * (DNS rebinding); such a request carries that name in its Host header, so only the
 * loopback names, the address the server listens on and GT_ALLOWED_HOSTS are served.
 * A state-changing request (anything but GET, HEAD, OPTIONS) whose Origin is not this
 * server, or that the browser marks as cross-site, is refused as well.
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `Host` without its port, lower case; IPv6 keeps its brackets. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d*$/, '');
}

export function allowedHostNames(listenHost: string, configured: readonly string[]): Set<string> {
  const names = new Set([...LOOPBACK_NAMES, ...configured.map((n) => n.toLowerCase())]);
  // The address the server was told to listen on is a name it answers to, unless it is "every interface".
  const listen = listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost;
  if (!['0.0.0.0', '[::]'].includes(listen)) names.add(listen.toLowerCase());
  return names;
}

export function hostGuard(listenHost: string, configured: readonly string[]): RequestHandler {
  const allowed = allowedHostNames(listenHost, configured);
  return (req, res, next) => {
    const host = req.headers.host;
    const refuse = (err: HttpError) => res.status(err.status).json(errorBody(err));
    if (!host || !allowed.has(hostName(host))) {
      return refuse(new HttpError(403, 'host_refused', `this server does not answer to the name ${JSON.stringify(host ?? '')}; add it to GT_ALLOWED_HOSTS to serve it`));
    }
    if (!SAFE_METHODS.has(req.method)) {
      if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(new HttpError(403, 'cross_origin', 'a request from another site may not change anything here'));
      const origin = req.headers.origin;
      if (origin !== undefined && !sameOrigin(origin, host)) {
        return refuse(new HttpError(403, 'cross_origin', `a request from ${origin} may not change anything here`));
      }
    }
    return next();
  };
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}
