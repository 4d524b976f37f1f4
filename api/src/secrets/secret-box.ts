import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets at rest: AES-256-GCM with a fresh 96-bit nonce per value, sealed as
 * `v1.<key id>.<nonce>.<tag>.<ciphertext>` (base64url). The key id (first 8 hex characters of the
 * key's SHA-256) lets a ring of keys open values sealed by older keys while new values use the
 * first key: that is how rotation works. The row a value belongs to is bound in as associated
 * data, so a sealed value copied into another row does not open.
 */
export interface SecretKey {
  id: string;
  key: Buffer;
}

export interface KeyRing {
  /** Seals new values. */
  current: SecretKey;
  /** Every key that may open a value, the current one included. */
  all: SecretKey[];
}

export class SecretBoxError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknown-key' | 'tampered',
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const format = 'v1';

/** 32 bytes given as 64 hex characters or as base64 (44 characters). */
export function decodeKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32)
    throw new Error('a secrets key is 32 bytes (64 hex or 44 base64 characters)');
  return key;
}

export function keyRing(keys: Buffer[]): KeyRing {
  const [first] = keys;
  if (first === undefined) throw new Error('a key ring needs at least one key');
  const all = keys.map((key) => ({
    id: createHash('sha256').update(key).digest('hex').slice(0, 8),
    key,
  }));
  return { current: all[0] as SecretKey, all };
}

export function seal(ring: KeyRing, plaintext: string, boundTo: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, nonce);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    format,
    ring.current.id,
    nonce.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

export function open(ring: KeyRing, sealed: string, boundTo: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== format) {
    throw new SecretBoxError(
      'malformed',
      'not a sealed secret (expected v1.<key>.<nonce>.<tag>.<data>)',
    );
  }
  const [, keyId, nonce, tag, data] = parts as [string, string, string, string, string];
  const key = ring.all.find((candidate) => candidate.id === keyId);
  if (key === undefined) {
    throw new SecretBoxError(
      'unknown-key',
      `sealed with key ${keyId}, which SECRETS_KEY does not hold: add the old key after the new one`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(data, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SecretBoxError(
      'tampered',
      'the sealed secret does not authenticate (changed, or moved from another record)',
    );
  }
}

/** True when a value was sealed by an older key and should be sealed again. */
export function sealedWithOlderKey(ring: KeyRing, sealed: string): boolean {
  return sealed.split('.')[1] !== ring.current.id;
}
