import type { AnalysisConfig } from './analysis-config';
import type { ScoreComponent } from './review-risk';

/**
 * Review depth (0-100): distinct human reviewers (not the author, not bots or agents),
 * substantive comments (not approvals, +1, emoji or nits), rounds (changes-requested cycles),
 * and time in review relative to what the PR's size calls for. Plus the calibration flags.
 */
export interface ReviewRecord {
  reviewer: string;
  isBot: boolean;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  submittedAt: Date;
}

export interface ReviewComment {
  author: string;
  isBot: boolean;
  body: string;
  createdAt: Date;
}

export interface DepthInput {
  authorLogin: string;
  additions: number;
  deletions: number;
  /** When review could start: ready-for-review time, else creation. */
  reviewStartedAt: Date;
  mergedAt: Date | null;
  reviews: readonly ReviewRecord[];
  comments: readonly ReviewComment[];
}

export type DepthComponentName =
  'humanReviewers' | 'substantiveComments' | 'rounds' | 'timeInReview';

export interface DepthScore {
  score: number;
  components: Array<ScoreComponent<DepthComponentName>>;
  humanReviewers: string[];
  substantiveComments: number;
  rounds: number;
  minutesToApproval: number | null;
  waitHours: number | null;
}

const trivial =
  /^(lgtm|looks good( to me)?|ship ?it|approved?|\+1|:\+1:|:shipit:|nice|great|thanks?|ty|done|fixed|ok(ay)?|sgtm|👍|🚀|🎉|✅|❤️)[\s!.:)]*$/i;
const nit = /^\s*(\*\*)?(nit|nitpick|typo|style)(\*\*)?\s*[:(-]/i;

export function isSubstantiveComment(body: string): boolean {
  const text = body
    .replace(/```[\s\S]*?```/g, ' code ')
    .replace(/^\s*>.*$/gm, '')
    .trim();
  if (text === '' || trivial.test(text) || nit.test(text)) return false;
  if (/^[\p{Extended_Pictographic}\s]+$/u.test(text)) return false;
  return text.split(/\s+/).length >= 4 || /\?/.test(text);
}

const round = (value: number): number => Math.round(value * 10) / 10;

export function reviewDepth(
  input: DepthInput,
  config: AnalysisConfig,
  agentLogins: readonly string[] = config.agentLogins,
): DepthScore {
  const settings = config.depth;
  const agents = new Set(agentLogins.map((login) => login.toLowerCase()));
  const author = input.authorLogin.toLowerCase();
  const human = (login: string, isBot: boolean): boolean => {
    const name = login.toLowerCase().replace(/\[bot\]$/, '');
    return !isBot && !/\[bot\]$/i.test(login) && !agents.has(name) && name !== author;
  };
  const humanReviews = input.reviews.filter((review) => human(review.reviewer, review.isBot));
  const reviewers = [...new Set(humanReviews.map((review) => review.reviewer))];
  const substantive = input.comments.filter(
    (comment) => human(comment.author, comment.isBot) && isSubstantiveComment(comment.body),
  ).length;
  const rounds = humanReviews.filter((review) => review.state === 'CHANGES_REQUESTED').length;
  const approvals = humanReviews
    .filter((review) => review.state === 'APPROVED')
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const firstApproval = approvals[0]?.submittedAt ?? null;
  const start = input.reviewStartedAt.getTime();
  const minutesToApproval =
    firstApproval === null ? null : Math.max(0, (firstApproval.getTime() - start) / 60_000);
  const end = firstApproval ?? input.mergedAt;
  const waitHours = end === null ? null : Math.max(0, (end.getTime() - start) / 3_600_000);
  const lines = input.additions + input.deletions;
  const expectedMinutes = Math.min(
    settings.reviewMinutesCap,
    Math.max(settings.reviewMinutesFloor, (lines / 100) * settings.reviewMinutesPer100Lines),
  );
  const reviewMinutes = waitHours === null ? 0 : waitHours * 60;

  const shares: Array<[DepthComponentName, number, string]> = [
    [
      'humanReviewers',
      Math.min(1, reviewers.length / settings.reviewersFull),
      `${reviewers.length} human reviewer(s)`,
    ],
    [
      'substantiveComments',
      Math.min(1, substantive / settings.substantiveCommentsFull),
      `${substantive} substantive comment(s)`,
    ],
    ['rounds', Math.min(1, rounds / settings.roundsFull), `${rounds} changes-requested round(s)`],
    [
      'timeInReview',
      reviewers.length === 0 ? 0 : Math.min(1, reviewMinutes / expectedMinutes),
      `${Math.round(reviewMinutes)} min in review for ${lines} lines (expected ${Math.round(expectedMinutes)})`,
    ],
  ];
  const components = shares.map(([name, share, reason]) => ({
    name,
    points: round(settings.weights[name] * share),
    max: settings.weights[name],
    reason,
  }));
  const max = components.reduce((sum, component) => sum + component.max, 0);
  const total = components.reduce((sum, component) => sum + component.points, 0);
  return {
    score: max === 0 ? 0 : Math.round((total / max) * 100),
    components,
    humanReviewers: reviewers,
    substantiveComments: substantive,
    rounds,
    minutesToApproval: minutesToApproval === null ? null : Math.round(minutesToApproval),
    waitHours: waitHours === null ? null : Math.round(waitHours * 10) / 10,
  };
}

export interface CalibrationFlags {
  rubberStamp: boolean;
  overReview: boolean;
}

/** Rubber stamp: high risk, approved fast, no substantive comment. Over-review: low risk, many rounds or a long wait. */
export function calibrationFlags(
  risk: number,
  depth: DepthScore,
  config: AnalysisConfig,
): CalibrationFlags {
  const settings = config.calibration;
  const rubberStamp =
    risk >= settings.rubberStampMinRisk &&
    depth.minutesToApproval !== null &&
    depth.minutesToApproval <= settings.rubberStampMaxMinutesToApproval &&
    depth.substantiveComments === 0;
  const overReview =
    risk <= settings.overReviewMaxRisk &&
    (depth.rounds >= settings.overReviewMinRounds ||
      (depth.waitHours ?? 0) >= settings.overReviewMinWaitHours);
  return { rubberStamp, overReview };
}
