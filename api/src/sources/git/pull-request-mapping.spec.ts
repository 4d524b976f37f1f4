import { mapIntroducersToPullRequests } from './pull-request-mapping';
import type { IntroducingCommit } from './szz-tracer';

const introducer = (sha: string, lineCount: number): IntroducingCommit => ({
  sha,
  authorName: 'Ada',
  authorEmail: 'ada@example.com',
  authorTime: new Date(0),
  committerTime: new Date(0),
  summary: '',
  parentCount: 1,
  lines: [],
  lineCount,
  files: [],
});

describe('mapIntroducersToPullRequests', () => {
  it('groups introducers by PR, weights by traced lines and lists commits in no PR', () => {
    const prs = new Map<string, number | number[]>([
      ['a1', 12],
      ['b2', 12],
      ['c3', [40, 41]],
    ]);
    const mapping = mapIntroducersToPullRequests(
      [introducer('b2', 1), introducer('a1', 2), introducer('c3', 5), introducer('d4', 1)],
      (sha) => prs.get(sha),
    );
    expect(mapping).toEqual({
      pullRequests: [
        { number: 40, shas: ['c3'], lineCount: 5 },
        { number: 41, shas: ['c3'], lineCount: 5 },
        { number: 12, shas: ['a1', 'b2'], lineCount: 3 },
      ],
      unmatchedShas: ['d4'],
    });
  });
});
