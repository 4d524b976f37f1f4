import { defaultAnalysisConfig as config } from './analysis-config';
import { classifyFix, type FixCandidate, type LinkedWorkItem } from './fix-classification';

describe('classifyFix', () => {
  it.each<[string, boolean]>([
    ['fix: handle empty cart in checkout', true],
    ['fix(auth)!: reject expired refresh tokens', true],
    ['Fix crash when the avatar URL is missing', true],
    ['Fixes double charge on retry', true],
    ['Hotfix for prod payouts', true],
    ['Bugfix: timezone in weekly digest', true],
    ['[BUG] Search returns archived projects', true],
    ['PAY-1423: Fix rounding of VAT on credit notes', true],
    ['Resolve crash when uploading HEIC images', true],
    ['Prevent NPE in webhook handler', true],
    ['Handle null customer in invoice PDF', true],
    ['Corrige le calcul de la TVA', true],
    ['🐛 Fix pagination of the audit log', true],
    ['Fix typo in docs', true],
    ['Add prefix to cache keys', false],
    ['Update test fixtures for the new schema', false],
    ['chore: fix lint warnings', false],
    ['test: fix flaky checkout spec', false],
    ['docs: fix typo in README', false],
    ['feat: fixed-width font option for the editor', false],
    ['Resolve merge conflicts with main', false],
    ['Add suffix support to invoice numbers', false],
    ['Refactor the payment fixtures', false],
    ['Revert "Fix crash on save"', false],
  ])('title %s -> fix %s', (title, isFix) => {
    expect(classifyFix({ title, labels: [] }, [], config).isFix).toBe(isFix);
  });

  it.each<[string, FixCandidate, LinkedWorkItem[], string[]]>([
    [
      'linked Bug',
      { title: 'Use the account locale for invoice emails', labels: [] },
      [{ key: 'BIL-9', type: 'Bug' }],
      ['linked-bug'],
    ],
    [
      'linked Story only',
      { title: 'Use the account locale for invoice emails', labels: [] },
      [{ key: 'BIL-9', type: 'Story' }],
      [],
    ],
    [
      'label type: bug',
      { title: 'Locale for invoice emails', labels: ['type: bug', 'area/billing'] },
      [],
      ['fix-label'],
    ],
    [
      'label kind/regression',
      { title: 'Locale for invoice emails', labels: ['kind/regression'] },
      [],
      ['fix-label'],
    ],
    [
      'label "prefix-cache" is not a fix label',
      { title: 'Locale', labels: ['prefix-cache', 'fixtures'] },
      [],
      [],
    ],
    [
      'chore title with a Bug link is still a fix',
      { title: 'chore: fix lint', labels: [] },
      [{ key: 'X-1', type: 'bug' }],
      ['linked-bug'],
    ],
  ])('%s', (_name, candidate, links, rules) => {
    expect(classifyFix(candidate, links, config).reasons.map((reason) => reason.rule)).toEqual(
      rules,
    );
  });

  it('tells a docs-only fix apart so line tracing can skip it', () => {
    expect(
      classifyFix(
        { title: 'Fix typo in docs', labels: [], files: ['docs/setup.md', 'README.md'] },
        [],
        config,
      ).scope,
    ).toBe('docs_only');
    expect(
      classifyFix(
        { title: 'Fix typo in label', labels: [], files: ['src/ui/button.tsx', 'README.md'] },
        [],
        config,
      ).scope,
    ).toBe('code');
  });

  it('follows configured label words', () => {
    const custom = {
      ...config,
      classification: { ...config.classification, fixLabelWords: ['defecto'] },
    };
    expect(classifyFix({ title: 'Locale', labels: ['Defecto'] }, [], custom).isFix).toBe(true);
    expect(classifyFix({ title: 'Locale', labels: ['bug'] }, [], custom).isFix).toBe(false);
  });
});
