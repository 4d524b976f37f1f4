import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library's default algorithm) at 19 MiB, 2 passes, 1 lane: OWASP's recommended
 * minimum. @node-rs/argon2 ships a prebuilt N-API binary per platform, so nothing is compiled at
 * install time (the `argon2` package's prebuild crashed on these machines).
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
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
