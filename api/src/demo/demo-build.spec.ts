import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemo } from './demo-build';

describe('buildDemo', () => {
  it('smoke', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demo-'));
    const started = Date.now();
    const build = await buildDemo({ seed: 7, prs: 600, outDir: dir });
    console.log(Date.now() - started, build.pullRequests, build.jira.issues.length, build.groundTruth.items.length,
      build.github.repositories.map((r) => r.deployments.length).reduce((a, b) => a + b), build.github.repositories.map((r) => r.issues.length).reduce((a, b) => a + b));
    await rm(dir, { recursive: true, force: true });
  }, 120000);
});
