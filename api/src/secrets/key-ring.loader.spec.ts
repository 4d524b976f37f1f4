import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedKeyFile, loadKeyRing } from './key-ring.loader';

describe('the generated secrets key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rr-keyring-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is made once under DATA_DIR, readable by its owner only, and reused', () => {
    const first = loadKeyRing({ secretsKeys: [], dataDir });
    const file = join(dataDir, generatedKeyFile);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKeyRing({ secretsKeys: [], dataDir }).current.id).toBe(first.current.id);
  });

  it('gives every process starting at the same moment the same whole key', async () => {
    const racing = mkdtempSync(join(tmpdir(), 'rr-keyring-race-'));
    const script = join(racing, 'load.js');
    // Plain Node processes on the build (the api's test task builds first), started together.
    const compiled = join(__dirname, '..', '..', 'dist', 'secrets', 'key-ring.loader.js');
    writeFileSync(
      script,
      `const { loadKeyRing } = require(${JSON.stringify(compiled)});
       process.send(loadKeyRing({ secretsKeys: [], dataDir: process.argv[2] }).current.id);`,
    );
    const ids = await Promise.all(
      Array.from(
        { length: 6 },
        () =>
          new Promise<string>((resolve, reject) => {
            const child = fork(script, [racing]);
            child.once('message', (id) =>
              resolve(typeof id === 'string' ? id : JSON.stringify(id)),
            );
            child.once('error', reject);
          }),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    expect(readFileSync(join(racing, generatedKeyFile), 'utf8').trim()).toHaveLength(64);
    rmSync(racing, { recursive: true, force: true });
  });
});
