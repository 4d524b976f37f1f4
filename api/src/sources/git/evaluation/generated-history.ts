import { HistoryBuilder } from './history-builder';
import { editLine, sampleLanguages } from './sample-modules';

/**
 * A larger synthetic history for speed measurements: many modules, many small commits that
 * change, add and delete lines, with a formatter run now and then. Deterministic (seeded).
 */

export interface GeneratedHistory {
  gitDir: string;
  commits: string[];
  files: number;
}

/** Small deterministic PRNG (mulberry32) so every run builds the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function buildGeneratedHistory(
  dir: string,
  fileCount: number,
  commitCount: number,
  seed = 7,
): Promise<GeneratedHistory> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const repo = await HistoryBuilder.create(dir);
  const paths: string[] = [];
  for (let index = 0; index < fileCount; index += 1) {
    const language = sampleLanguages[index % sampleLanguages.length];
    if (language === undefined) continue;
    const path = `src/module${index}/pricing.${language.ext}`;
    paths.push(path);
    await repo.write(path, language.pricingModule);
  }
  const commits = [await repo.commit('Initial import')];
  for (let index = 0; index < commitCount; index += 1) {
    const touched = [pick(paths), pick(paths)];
    for (const path of new Set(touched)) {
      const action = next();
      const number = Math.floor(next() * 1000);
      await repo.edit(path, (content) => {
        const lines = content.split('\n');
        const target = Math.floor(next() * (lines.length - 2)) + 1;
        if (action < 0.5 && content.split('weight *').length === 2) {
          return editLine(content, 'weight *', (line) =>
            line.replace(/weight \* [\d.]+/, `weight * ${number / 100}`),
          );
        }
        if (action < 0.8)
          lines.splice(target, 0, `${' '.repeat(2)}total_${number} = total + ${number}`);
        else if (action < 0.95 && lines.length > 20) lines.splice(target, 1);
        else
          return lines
            .map((line) =>
              line.replace(/^( +)/, (spaces) =>
                spaces.length % 4 === 0 ? spaces.slice(2) : `${spaces}  `,
              ),
            )
            .join('\n');
        return lines.join('\n');
      });
    }
    commits.push(await repo.commit(`Change ${index}`));
  }
  return { gitDir: repo.gitDir, commits, files: paths.length };
}
