import { detectRevert, type RevertInput } from './revert-detection';

const sha = '3f9c2b7e1d0a4c5b8e6f7a9d0c1b2e3f4a5b6c7d';

describe('detectRevert', () => {
  it.each<[string, RevertInput, Partial<ReturnType<typeof detectRevert>>]>([
    [
      'GitHub revert PR',
      {
        title: 'Revert "Add bulk edit for invoices (#812)"',
        body: 'Reverts acme/billing#812\n\nBroke the nightly export.',
        headRef: 'revert-812-feature/bulk-edit',
      },
      {
        isRevert: true,
        relands: false,
        depth: 1,
        revertedPullRequests: [812],
        revertedTitle: 'Add bulk edit for invoices (#812)',
        rules: ['title', 'reverts-pr', 'revert-branch'],
      },
    ],
    [
      'git revert commit, full SHA',
      { message: `Revert "Use UTC in the scheduler"\n\nThis reverts commit ${sha}.\n` },
      {
        isRevert: true,
        revertedShas: [sha],
        originalTitle: 'Use UTC in the scheduler',
        rules: ['title', 'reverts-commit'],
      },
    ],
    [
      'abbreviated SHA and an explanation only',
      {
        title: 'Roll back pricing change',
        body: 'This reverts commit 3f9c2b7 because totals were wrong in prod.',
      },
      { isRevert: true, revertedShas: ['3f9c2b7'], revertedTitle: null, rules: ['reverts-commit'] },
    ],
    [
      'nested revert re-lands the original',
      {
        title: 'Revert "Revert "Add bulk edit for invoices (#812)""',
        headRef: 'revert-815-revert-812-feature/bulk-edit',
      },
      {
        isRevert: true,
        relands: true,
        depth: 2,
        revertedTitle: 'Revert "Add bulk edit for invoices (#812)"',
        originalTitle: 'Add bulk edit for invoices (#812)',
      },
    ],
    [
      'triple nesting reverts again',
      { title: 'Revert "Revert "Revert "Cache sessions in Redis"""' },
      { isRevert: true, relands: false, depth: 3, originalTitle: 'Cache sessions in Redis' },
    ],
    [
      'git Reapply',
      { message: 'Reapply "Cache sessions in Redis"\n\nThis reverts commit abcdef1.' },
      { isRevert: true, relands: true, depth: 2 },
    ],
    [
      'conventional revert',
      { title: 'revert: feat(auth): passwordless login', body: 'Refs: 9e8d7c6' },
      {
        isRevert: true,
        relands: false,
        revertedTitle: 'feat(auth): passwordless login',
        revertedShas: ['9e8d7c6'],
      },
    ],
    [
      'a feature about reverting is not a revert',
      {
        title: 'Add a revert button to the draft editor',
        body: 'Users can revert to the last saved version.',
      },
      { isRevert: false, revertedShas: [] },
    ],
    [
      'prose mentioning a sha is not a revert',
      {
        title: 'Fix flaky export test',
        body: 'Reverting abc1234 locally made it pass, so the cause is elsewhere.',
      },
      { isRevert: false, revertedShas: [] },
    ],
    [
      'lower-case "revert" title without quotes is not a GitHub revert',
      { title: 'revert button colour tweaks' },
      { isRevert: false },
    ],
  ])('%s', (_name, input, expected) => {
    expect(detectRevert(input)).toMatchObject(expected);
  });

  it('collects several reverted commits of one revert PR', () => {
    const result = detectRevert({
      title: 'Revert the session cache series',
      body: 'This reverts commit 1a2b3c4d.\nThis reverts commit 5e6f7a8b9c.\nReverts https://github.com/acme/web/pull/77',
    });
    expect(result.revertedShas).toEqual(['1a2b3c4d', '5e6f7a8b9c']);
    expect(result.revertedPullRequests).toEqual([77]);
  });
});
