import { parseBlamePorcelain } from './blame-porcelain.parser';

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);

describe('parseBlamePorcelain', () => {
  it('carries commit details and file names over repeated entries', () => {
    const output = [
      `${a} 2 5 2`,
      'author Ada',
      'author-mail <ada@example.com>',
      'author-time 1700000000',
      'author-tz +0000',
      'committer Ada',
      'committer-mail <ada@example.com>',
      'committer-time 1700000100',
      'committer-tz +0000',
      'summary Add tax',
      'filename src/"old".ts',
      '\tconst tax = 1;',
      `${a} 3 6`,
      '\tconst b = 2;',
      `${b} 9 7 1`,
      'author Bob',
      'author-mail <bob@example.com>',
      'author-time 1600000000',
      'committer-time 1600000000',
      'summary Root',
      'boundary',
      'filename "lib/caf\\303\\251.ts"',
      '\tx',
      '',
    ].join('\n');
    const { entries, commits } = parseBlamePorcelain(output);
    expect(entries).toEqual([
      { sha: a, originPath: 'src/"old".ts', originLine: 2, finalLine: 5 },
      { sha: a, originPath: 'src/"old".ts', originLine: 3, finalLine: 6 },
      { sha: b, originPath: 'lib/café.ts', originLine: 9, finalLine: 7 },
    ]);
    expect(commits.get(a)).toMatchObject({
      authorEmail: 'ada@example.com',
      authorTime: 1700000000,
      committerTime: 1700000100,
      summary: 'Add tax',
      boundary: false,
    });
    expect(commits.get(b)).toMatchObject({ authorName: 'Bob', boundary: true });
  });
});
