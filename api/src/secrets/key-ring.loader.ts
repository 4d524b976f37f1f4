import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { decodeKey, keyRing, type KeyRing } from './secret-box';

export const generatedKeyFile = 'secrets.key';

/**
 * The keys from SECRETS_KEY (newest first); without it, a key generated once under DATA_DIR
 * (readable by its owner only), the way the embedded set-up keeps its database there too.
 */
export function loadKeyRing(config: Pick<AppConfig, 'secretsKeys' | 'dataDir'>): KeyRing {
  if (config.secretsKeys.length > 0) return keyRing(config.secretsKeys.map(decodeKey));
  const file = join(config.dataDir, generatedKeyFile);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    // Written whole under a private name, then linked into place: link fails when another process
    // (a second worker starting at the same moment) got there first, and nobody reads half a key.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  return keyRing([decodeKey(readFileSync(file, 'utf8'))]);
}
