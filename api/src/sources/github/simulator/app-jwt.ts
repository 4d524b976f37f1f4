import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** A GitHub App as the simulator knows it: its id, the public half of its key, its installations. */
export interface SimApp {
  appId: number;
  /** PEM (SPKI or PKCS#1) or a KeyObject. */
  publicKey: string | KeyObject;
  installations: number[];
}

const header = z.object({ alg: z.string(), typ: z.string().optional() });
const claims = z.object({
  iss: z.union([z.string(), z.number()]),
  iat: z.number(),
  exp: z.number(),
});

function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Checks an App JWT the way GitHub does: RS256, signed by the App named in `iss`, issued no later
 * than a minute from now, expiring in the future and at most ten minutes after it was issued.
 */
export function verifyAppJwt(
  jwt: string,
  apps: readonly SimApp[],
  nowMs: number,
): { ok: true; app: SimApp } | { ok: false; reason: string } {
  const parts = jwt.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'A JSON web token could not be decoded' };
  const [head = '', body = '', signature = ''] = parts;
  const parsedHeader = header.safeParse(decodePart(head));
  const parsedClaims = claims.safeParse(decodePart(body));
  if (!parsedHeader.success || !parsedClaims.success)
    return { ok: false, reason: 'A JSON web token could not be decoded' };
  if (parsedHeader.data.alg !== 'RS256') return { ok: false, reason: `'alg' must be RS256` };
  const app = apps.find((candidate) => String(candidate.appId) === String(parsedClaims.data.iss));
  if (app === undefined) return { ok: false, reason: 'Integration not found' };
  const key = typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : app.publicKey;
  const valid = verify(
    'RSA-SHA256',
    Buffer.from(`${head}.${body}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) return { ok: false, reason: 'A JSON web token could not be decoded' };
  const now = Math.floor(nowMs / 1000);
  const { iat, exp } = parsedClaims.data;
  if (iat > now + 60)
    return {
      ok: false,
      reason: "'Issued at' claim ('iat') must be an Integer representing a time in the past",
    };
  if (exp <= now)
    return {
      ok: false,
      reason:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time",
    };
  if (exp - iat > 600)
    return { ok: false, reason: "'Expiration time' claim ('exp') is too far in the future" };
  return { ok: true, app };
}
