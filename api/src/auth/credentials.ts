import { createHash, randomBytes } from 'node:crypto';

/**
 * Session cookies and API tokens are 256-bit random values; only their SHA-256 is stored, so a
 * copy of the database signs nobody in. (A slow hash is for low-entropy passwords, not these.)
 */
export function hashCredential(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function newCredential(prefix: 'rrs' | 'rrt'): { value: string; hash: string } {
  const value = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { value, hash: hashCredential(value) };
}
