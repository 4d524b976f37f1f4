import { excerptAround, proposeLinks, type PullRequestTexts } from './work-item-link-rules';

const texts = (overrides: Partial<PullRequestTexts>): PullRequestTexts => ({
  title: '',
  headRef: '',
  body: '',
  commits: [],
  ...overrides,
});

describe('proposeLinks', () => {
  it('finds a key by each rule, with the text that shows it', () => {
    const links = proposeLinks(
      texts({
        title: 'ENG-12: add retries',
        headRef: 'feature/eng-14-export',
        body: 'Background.\nThis implements OPS-3 as agreed with the team.\nNothing else.',
        commits: [
          { sha: 'aaaaaaaaaaaaaaaa', message: 'Refactor' },
          { sha: 'bbbbbbbbbbbbbbbb', message: 'Fix timeout\n\nRefs ENG-15' },
        ],
      }),
      ['ENG', 'OPS'],
    );
    expect(links).toEqual([
      { key: 'ENG-12', rule: 'title', evidence: 'ENG-12: add retries' },
      { key: 'ENG-14', rule: 'branch', evidence: 'feature/eng-14-export' },
      { key: 'OPS-3', rule: 'body', evidence: 'This implements OPS-3 as agreed with the team.' },
      { key: 'ENG-15', rule: 'commit-message', evidence: 'bbbbbbb: Refs ENG-15' },
    ]);
  });

  it('keeps one link per rule when a key appears in several places', () => {
    const links = proposeLinks(
      texts({
        title: 'ENG-7 login',
        body: 'Closes ENG-7',
        commits: [{ sha: 'c0ffee00', message: 'ENG-7 wip' }],
      }),
      ['ENG'],
    );
    expect(links.map((link) => `${link.key}/${link.rule}`)).toEqual([
      'ENG-7/title',
      'ENG-7/body',
      'ENG-7/commit-message',
    ]);
  });

  it('never links standards, hashes or unknown projects', () => {
    const links = proposeLinks(
      texts({
        title: 'Use UTF-8 and SHA-256 everywhere (RFC-7231)',
        headRef: 'fix/iso-8601-dates',
        body: 'Like OPS-12 in the other tracker; see CVE-2024-1234 and version1.ENG-2 or ENG-0.',
        commits: [{ sha: 'dddddddd', message: 'Bump ES-2022 target' }],
      }),
      ['ENG'],
    );
    expect(links).toEqual([]);
  });

  it('links nothing when no project is known', () => {
    expect(proposeLinks(texts({ title: 'ENG-1' }), [])).toEqual([]);
  });
});

describe('excerptAround', () => {
  it('cuts long lines around the key', () => {
    const line = `${'a'.repeat(100)} ENG-9 ${'b'.repeat(100)}`;
    const excerpt = excerptAround(line, 'ENG-9', false);
    expect(excerpt?.startsWith('…')).toBe(true);
    expect(excerpt?.endsWith('…')).toBe(true);
    expect(excerpt).toContain('ENG-9');
    expect(excerpt?.length).toBeLessThan(140);
  });

  it('does not match a longer number', () => {
    expect(excerptAround('see ENG-90', 'ENG-9', false)).toBeUndefined();
  });
});
