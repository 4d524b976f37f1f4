import { classifyClarifyingComment } from '../core';

/**
 * Counts the clarifying questions in the talk around one pull request or work item. Pure: the
 * caller reads the comments. The subject's own author answering in their own thread is not
 * asking, and bots (`[bot]` logins and configured agents) never are.
 */
export interface TalkComment {
  authorLogin: string | null;
  body: string;
  at: Date;
}

export interface ClarificationCount {
  questions: number;
  /** Questions asked before `before` (all of them when `before` is null). */
  questionsBefore: number;
  firstAskedAt: Date | null;
}

export function countClarifyingQuestions(
  comments: readonly TalkComment[],
  subject: { authorLogin: string | null; before: Date | null },
  agentLogins: ReadonlySet<string>,
): ClarificationCount {
  let questions = 0;
  let questionsBefore = 0;
  let firstAskedAt: Date | null = null;
  for (const comment of comments) {
    const login = comment.authorLogin?.toLowerCase() ?? null;
    if (login !== null && login === subject.authorLogin?.toLowerCase()) continue;
    const isBot = login !== null && (login.endsWith('[bot]') || agentLogins.has(login));
    const verdict = classifyClarifyingComment({
      body: comment.body,
      authorLogin: comment.authorLogin,
      authorIsBot: isBot,
    });
    if (!verdict.isClarifying) continue;
    questions += 1;
    if (subject.before === null || comment.at.getTime() < subject.before.getTime())
      questionsBefore += 1;
    if (firstAskedAt === null || comment.at.getTime() < firstAskedAt.getTime())
      firstAskedAt = comment.at;
  }
  return { questions, questionsBefore, firstAskedAt };
}
