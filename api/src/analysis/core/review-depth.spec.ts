import { defaultAnalysisConfig as config } from './analysis-config';
import {
  calibrationFlags,
  isSubstantiveComment,
  reviewDepth,
  type DepthInput,
} from './review-depth';

const opened = new Date('2024-05-06T09:00:00Z');
const at = (minutes: number): Date => new Date(opened.getTime() + minutes * 60_000);

const stamped: DepthInput = {
  authorLogin: 'dana',
  additions: 620,
  deletions: 140,
  reviewStartedAt: opened,
  mergedAt: at(12),
  reviews: [
    { reviewer: 'dana', isBot: false, state: 'COMMENTED', submittedAt: at(1) },
    { reviewer: 'codecov[bot]', isBot: true, state: 'COMMENTED', submittedAt: at(2) },
    { reviewer: 'li', isBot: false, state: 'APPROVED', submittedAt: at(6) },
  ],
  comments: [
    { author: 'li', isBot: false, body: 'LGTM 🚀', createdAt: at(6) },
    {
      author: 'copilot',
      isBot: false,
      body: 'This function could throw when the list is empty; consider a guard.',
      createdAt: at(3),
    },
  ],
};

const thorough: DepthInput = {
  ...stamped,
  mergedAt: at(60 * 30),
  reviews: [
    { reviewer: 'li', isBot: false, state: 'CHANGES_REQUESTED', submittedAt: at(90) },
    { reviewer: 'sam', isBot: false, state: 'CHANGES_REQUESTED', submittedAt: at(300) },
    { reviewer: 'li', isBot: false, state: 'APPROVED', submittedAt: at(60 * 26) },
  ],
  comments: [
    {
      author: 'li',
      isBot: false,
      body: 'What happens to sessions created before the migration runs?',
      createdAt: at(80),
    },
    {
      author: 'sam',
      isBot: false,
      body: 'The token TTL here differs from the one in the ADR, we agreed on 15 minutes.',
      createdAt: at(290),
    },
    { author: 'sam', isBot: false, body: 'nit: trailing comma', createdAt: at(291) },
    { author: 'li', isBot: false, body: '+1', createdAt: at(1500) },
  ],
};

describe('reviewDepth', () => {
  it('gives a fast single approval with no real comment a low depth, and ignores the author, bots and agents', () => {
    const depth = reviewDepth(stamped, config);
    expect(depth.humanReviewers).toEqual(['li']);
    expect(depth.substantiveComments).toBe(0);
    expect(depth.minutesToApproval).toBe(6);
    expect(depth.score).toBeLessThan(25);
    expect(calibrationFlags(80, depth, config)).toEqual({ rubberStamp: true, overReview: false });
    expect(calibrationFlags(40, depth, config).rubberStamp).toBe(false);
  });

  it('gives a two-reviewer, two-round review with real questions a high depth', () => {
    const depth = reviewDepth(thorough, config);
    expect(depth).toMatchObject({
      humanReviewers: ['li', 'sam'],
      substantiveComments: 2,
      rounds: 2,
      waitHours: 26,
    });
    expect(depth.score).toBeGreaterThan(70);
    expect(calibrationFlags(80, depth, config)).toEqual({ rubberStamp: false, overReview: false });
    expect(calibrationFlags(20, depth, config).overReview).toBe(false);
  });

  it('flags over-review of a low-risk PR after three rounds or a long wait', () => {
    const rounds = {
      ...thorough,
      reviews: [
        ...thorough.reviews,
        {
          reviewer: 'kim',
          isBot: false,
          state: 'CHANGES_REQUESTED' as const,
          submittedAt: at(400),
        },
      ],
    };
    expect(calibrationFlags(20, reviewDepth(rounds, config), config).overReview).toBe(true);
    const slow = {
      ...stamped,
      reviews: [
        { reviewer: 'li', isBot: false, state: 'APPROVED' as const, submittedAt: at(60 * 80) },
      ],
    };
    expect(calibrationFlags(20, reviewDepth(slow, config), config).overReview).toBe(true);
  });

  it.each<[string, boolean]>([
    ['LGTM', false],
    ['+1', false],
    ['👍🎉', false],
    ['nit: rename this', false],
    ['Looks good to me!', false],
    ['Why?', true],
    ['This breaks the retry when the bank returns 429.', true],
    ['> quoted text only', false],
  ])('comment %s substantive: %s', (body, expected) => {
    expect(isSubstantiveComment(body)).toBe(expected);
  });
});
