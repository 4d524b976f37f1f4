import { randomBytes } from 'node:crypto';
import { decodeKey, keyRing, open, seal, SecretBoxError, sealedWithOlderKey } from './secret-box';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

describe('secret box (AES-256-GCM)', () => {
  it('opens what it sealed, and never stores the plaintext', () => {
    const ring = keyRing([newKey]);
    const sealed = seal(ring, 'ghp_supersecret', 'connection:github');
    expect(sealed).not.toContain('supersecret');
    expect(sealed.startsWith(`v1.${ring.current.id}.`)).toBe(true);
    expect(open(ring, sealed, 'connection:github')).toBe('ghp_supersecret');
  });

  it('uses a fresh nonce each time, so equal secrets do not look equal', () => {
    const ring = keyRing([newKey]);
    expect(seal(ring, 'same', 'x')).not.toBe(seal(ring, 'same', 'x'));
  });

  it('refuses a value moved to another record (associated data)', () => {
    const ring = keyRing([newKey]);
    const sealed = seal(ring, 'token', 'connection:github');
    expect(() => open(ring, sealed, 'connection:jira')).toThrow(SecretBoxError);
  });

  it('refuses a changed ciphertext', () => {
    const ring = keyRing([newKey]);
    const parts = seal(ring, 'token', 'row').split('.');
    const data = Buffer.from(parts[4] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[4] = data.toString('base64url');
    expect(() => open(ring, parts.join('.'), 'row')).toThrow(/does not authenticate/);
  });

  it('rotates: a ring with the new key first opens old values and marks them for re-sealing', () => {
    const sealedWithOld = seal(keyRing([oldKey]), 'token', 'row');
    const rotated = keyRing([newKey, oldKey]);
    expect(open(rotated, sealedWithOld, 'row')).toBe('token');
    expect(sealedWithOlderKey(rotated, sealedWithOld)).toBe(true);
    const resealed = seal(rotated, 'token', 'row');
    expect(sealedWithOlderKey(rotated, resealed)).toBe(false);
  });

  it('names the missing key when the old one was dropped too early', () => {
    const sealedWithOld = seal(keyRing([oldKey]), 'token', 'row');
    expect(() => open(keyRing([newKey]), sealedWithOld, 'row')).toThrow(
      /SECRETS_KEY does not hold/,
    );
  });

  it('accepts keys as 64 hex characters or base64, and nothing shorter', () => {
    expect(decodeKey(newKey.toString('hex'))).toEqual(newKey);
    expect(decodeKey(newKey.toString('base64'))).toEqual(newKey);
    expect(() => decodeKey('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});
