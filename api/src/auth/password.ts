import { argon2id, hash, verify } from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes), which follow RFC 9106's advice. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id });
}

// Verifying against this when the account does not exist keeps the answer time the same, so
// timing does not reveal which e-mails have accounts.
const noAccountHash = hashPassword('no account has this password');

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) {
    await verify(await noAccountHash, password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
