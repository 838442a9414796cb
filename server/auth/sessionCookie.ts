import type { Request } from 'express';
import type { AuthSettings } from './settings.js';

/** The session cookie's attributes, the same for every way of signing in: HTTP-only, SameSite=Lax, Secure as GT_COOKIE_SECURE says. */
export function sessionCookieOptions(settings: AuthSettings, req: Request) {
  const secure = settings.cookieSecure === 'always' || (settings.cookieSecure === 'auto' && req.secure);
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
}
