import { failureMentionedIn } from './failure-mention';

describe('failureMentionedIn', () => {
  it.each<['build' | 'deploy', string]>([
    ['build', 'This broke the build on main, reverting until we know why.'],
    ['build', 'CI is red since this landed.'],
    ['build', 'Integration tests are failing on master after the merge.'],
    ['deploy', 'Deploy to prod failed: migration 0042 could not acquire the lock.'],
    ['deploy', 'Rolling back, we saw 500s in production right after the release.'],
    ['deploy', 'Reverting: it took down staging.'],
    ['deploy', 'Revert after the failed deployment this morning'],
  ])('finds a %s failure in "%s"', (kind, text) => {
    expect(failureMentionedIn(text)?.kind).toBe(kind);
  });

  it('returns the sentence that names the failure, as evidence', () => {
    const mention = failureMentionedIn(
      'Product wants to rethink the flow anyway.\nAlso this broke the build for the iOS target.',
    );
    expect(mention).toEqual({
      kind: 'build',
      phrase: 'broke the build',
      sentence: 'Also this broke the build for the iOS target.',
    });
  });

  it.each([
    ['a revert requested by product', 'Product asked us to pull this until legal signs off.'],
    ['a negated failure', 'The build did not fail, but the copy is wrong, so reverting.'],
    ['an empty body', ''],
    ['a failure quoted from a log only', '```\nbuild failed with exit code 1\n```'],
  ])('finds nothing in %s', (_name, text) => {
    expect(failureMentionedIn(text)).toBeNull();
  });
});
