import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Helmet's defaults (no sniffing, no framing, HSTS, referrer policy) with a content security
 * policy that fits the app: scripts and styles only from this origin, no inline scripts;
 * Recharts and the Swagger UI need inline styles, and Swagger UI shows data: images.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}
