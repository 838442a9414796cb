import type { RequestHandler } from 'express';
import type { ConsoleMode } from '../config.js';
import { HttpError } from './errors.js';

/**
 * Who may use the query console (POST /api/query).
 *
 * - `auto` (the default): signed-in analysts, editors and administrators; anonymous
 *   callers only while the server listens on loopback alone, where every caller is
 *   someone at this machine.
 * - `signed-in`: signed-in analysts, editors and administrators only.
 * - `off`: nobody.
 *
 * Accounts come from the auth middleware, which sets `req.actor` (undefined when
 * anonymous); only its role is read here.
 */

export const CONSOLE_ROLES = ['analyst', 'editor', 'administrator'] as const;

type ActorWithRole = { role?: unknown };

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export function consoleGate(mode: ConsoleMode, listenHost: string): RequestHandler {
  const anonymousAllowed = mode === 'auto' && isLoopbackHost(listenHost);
  return (req, _res, next) => {
    if (mode === 'off') throw new HttpError(403, 'console_off', 'the query console is turned off on this server (GT_CONSOLE=off)');
    const actor = (req as { actor?: ActorWithRole }).actor;
    if (actor) {
      if ((CONSOLE_ROLES as readonly unknown[]).includes(actor.role)) return next();
      throw new HttpError(403, 'forbidden', `the query console needs one of the roles ${CONSOLE_ROLES.join(', ')}`);
    }
    if (anonymousAllowed) return next();
    throw new HttpError(
      403,
      'sign_in_required',
      mode === 'auto'
        ? 'the query console is open to anonymous callers only while the server listens on loopback; sign in as an analyst, editor or administrator'
        : 'the query console needs a signed-in analyst, editor or administrator (GT_CONSOLE=signed-in)',
    );
  };
}
