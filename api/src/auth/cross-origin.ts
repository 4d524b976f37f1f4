/**
 * Cross-site request forgery defence for cookie-authenticated requests, the way browsers now
 * allow it without tokens: a browser labels every request with `Sec-Fetch-Site` (and `Origin` on
 * unsafe methods), and a page on another site cannot forge those headers. An unsafe request a
 * browser sent from another origin is refused; safe methods never change anything; clients that
 * are not browsers send neither header and cannot be driven by another site anyway. Session
 * cookies are also `SameSite=Lax`, a second line of defence.
 */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestOrigin {
  method: string;
  host: string | undefined;
  secFetchSite: string | undefined;
  origin: string | undefined;
}

export function isCrossOriginWrite(request: RequestOrigin): boolean {
  if (safeMethods.has(request.method.toUpperCase())) return false;
  if (request.secFetchSite !== undefined) {
    return request.secFetchSite !== 'same-origin' && request.secFetchSite !== 'none';
  }
  if (request.origin === undefined) return false;
  if (request.origin === 'null') return true;
  try {
    return new URL(request.origin).host !== request.host;
  } catch {
    return true;
  }
}
