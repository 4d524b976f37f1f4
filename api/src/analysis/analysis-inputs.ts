import type { EntityManager } from 'typeorm';
import { classifyClarifyingComment, type ClarifyingQuestionEvidence } from './core';
import type { AnalysisDataset } from './domain/analysis-dataset';
import { pullRequestUrl, workItemUrl, type LinkBase } from './detection/detected-rework';

/**
 * Reads the talk around the origins: PR review and conversation comments and review bodies of the
 * given PRs, and comments of the given work items. Keeps the clarifying questions (with their
 * time) and, for work items, every comment (reopen reasons).
 */
export async function clarifyingQuestions(
  manager: EntityManager,
  dataset: AnalysisDataset,
  links: LinkBase,
  pullRequestIds: readonly string[],
  workItemIds: readonly string[],
): Promise<{
  questions: Map<string, Array<ClarifyingQuestionEvidence & { at: Date }>>;
  workItemComments: Map<string, Array<{ body: string; createdAt: Date }>>;
}> {
  const questions = new Map<string, Array<ClarifyingQuestionEvidence & { at: Date }>>();
  const add = (key: string, entry: ClarifyingQuestionEvidence & { at: Date }): void => {
    const list = questions.get(key) ?? [];
    list.push(entry);
    questions.set(key, list);
  };
  const isBot = (login: string | null): boolean =>
    login !== null && login.toLowerCase().endsWith('[bot]');
  for (let start = 0; start < pullRequestIds.length; start += 5000) {
    const rows = await manager.query<
      { pull_request_id: string; author_login: string | null; body: string; at: Date }[]
    >(
      `SELECT pull_request_id, author_login, body, created_at AS at FROM pull_request_comment WHERE pull_request_id = ANY($1::text[])
       UNION ALL SELECT pull_request_id, author_login, body, submitted_at AS at FROM pull_request_review WHERE pull_request_id = ANY($1::text[]) AND body <> '' AND submitted_at IS NOT NULL`,
      [pullRequestIds.slice(start, start + 5000)],
    );
    for (const row of rows) {
      const pr = dataset.pullRequests.get(row.pull_request_id);
      if (pr === undefined || row.author_login === pr.authorLogin) continue;
      const verdict = classifyClarifyingComment({
        body: row.body,
        authorLogin: row.author_login,
        authorIsBot: isBot(row.author_login),
      });
      const match = verdict.matches[0];
      if (verdict.isClarifying && match !== undefined)
        add(pr.id, {
          sentence: match.sentence,
          url: pullRequestUrl(links, pr.repo, pr.number),
          at: row.at,
        });
    }
  }
  const workItemComments = new Map<string, Array<{ body: string; createdAt: Date }>>();
  for (let start = 0; start < workItemIds.length; start += 5000) {
    const rows = await manager.query<
      { work_item_id: string; body_text: string; created_at: Date }[]
    >(
      'SELECT work_item_id, body_text, created_at FROM work_item_comment WHERE work_item_id = ANY($1::text[]) ORDER BY created_at',
      [workItemIds.slice(start, start + 5000)],
    );
    for (const row of rows) {
      const list = workItemComments.get(row.work_item_id) ?? [];
      list.push({ body: row.body_text, createdAt: row.created_at });
      workItemComments.set(row.work_item_id, list);
      const item = dataset.workItems.get(row.work_item_id);
      if (item === undefined) continue;
      const verdict = classifyClarifyingComment({ body: row.body_text });
      const match = verdict.matches[0];
      if (verdict.isClarifying && match !== undefined)
        add(item.key, {
          sentence: match.sentence,
          url: workItemUrl(links, item.key),
          at: row.created_at,
        });
    }
  }
  return { questions, workItemComments };
}
