import type { CookieOptions, Request } from 'express';

export const sessionCookieName = 'rr_session';

/** http-only (no script reads it), SameSite=Lax, Secure whenever the request came over HTTPS. */
export function sessionCookieOptions(request: Request, expiresAt: Date): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secure,
    path: '/',
    expires: expiresAt,
  };
}

export function sessionCookieOf(request: Request): string | undefined {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  const value = cookies?.[sessionCookieName];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
