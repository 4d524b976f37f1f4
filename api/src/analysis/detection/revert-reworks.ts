import type { EntityManager } from 'typeorm';
import { detectRevert } from '../core';
import type { AnalysisDataset, PullRequestRecord } from '../domain/analysis-dataset';
import {
  pullRequestUrl,
  uniqueSorted,
  workItemUrl,
  type DetectedRework,
  type LinkBase,
} from './detected-rework';

/**
 * Reads: merged PRs whose title, body or branch mention a revert (pre-filtered in SQL), and the
 * commits that carry the reverted SHAs. Finds: revert rework items, origin = the PR that
 * introduced the reverted commit (named PR first, then SHA, then the reverted title).
 * Re-landings (`Revert "Revert …"`, `Reapply`) are not rework of the original work.
 */
export async function detectRevertReworks(
  manager: EntityManager,
  dataset: AnalysisDataset,
  links: LinkBase,
): Promise<DetectedRework[]> {
  const candidates = await manager.query<{ id: string; body: string }[]>(
    `SELECT id, body FROM pull_request WHERE state = 'merged'
       AND (title ~* '^\\s*(revert|reapply)' OR body ~* 'reverts?\\s+(commit|[\\w.-]+/[\\w.-]+#|#|https?://)' OR head_ref ~* '^revert-')`,
  );
  const found: DetectedRework[] = [];
  for (const candidate of candidates) {
    const pr = dataset.pullRequests.get(candidate.id);
    if (pr === undefined) continue;
    const revert = detectRevert({ title: pr.title, body: candidate.body, headRef: pr.headRef });
    if (!revert.isRevert || revert.relands) continue;
    const facts: string[] = [];
    const origins = new Set<string>();
    for (const number of revert.revertedPullRequests) {
      const id = dataset.pullRequestByNumber.get(`${pr.repositoryId}#${number}`);
      if (id !== undefined && id !== pr.id) {
        origins.add(id);
        facts.push(`names #${number} as the reverted pull request`);
      }
    }
    if (origins.size === 0 && revert.revertedShas.length > 0) {
      for (const origin of await pullRequestsOfShas(manager, pr, revert.revertedShas)) {
        origins.add(origin);
        facts.push(
          `reverts commit(s) ${revert.revertedShas.map((sha) => sha.slice(0, 10)).join(', ')} of ${dataset.pullRequests.get(origin)?.number ?? origin}`,
        );
      }
    }
    if (origins.size === 0 && revert.revertedTitle !== null) {
      const byTitle = latestByTitle(
        dataset,
        pr,
        revert.revertedTitle.replace(/\s*\(#\d+\)\s*$/, ''),
      );
      if (byTitle !== undefined) {
        origins.add(byTitle.id);
        facts.push(`reverted title matches #${byTitle.number}`);
      }
    }
    if (origins.size === 0) continue;
    const originIds = uniqueSorted(origins);
    const originRecords = originIds
      .map((id) => dataset.pullRequests.get(id))
      .filter((origin): origin is PullRequestRecord => origin !== undefined);
    found.push({
      id: `revert:${pr.id}`,
      kind: 'revert',
      repositoryId: pr.repositoryId,
      reworkPullRequestIds: [pr.id],
      reworkWorkItemKeys: uniqueSorted(
        pr.workItemKeys.filter((key) =>
          originRecords.every((origin) => !origin.workItemKeys.includes(key)),
        ),
      ),
      incidentId: null,
      originPullRequestIds: originIds,
      originWorkItemKeys: uniqueSorted(originRecords.flatMap((origin) => origin.workItemKeys)),
      rule: `revert:${revert.rules[0] ?? 'title'}`,
      detection: {
        rules: revert.rules.map((rule) => `revert:${rule}`),
        facts: [`#${pr.number} "${pr.title}" is a revert (${revert.rules.join(', ')})`, ...facts],
        links: [
          { label: `#${pr.number}`, url: pullRequestUrl(links, pr.repo, pr.number) },
          ...originRecords.map((origin) => ({
            label: `#${origin.number}`,
            url: pullRequestUrl(links, origin.repo, origin.number),
          })),
        ],
      },
      occurredAt: pr.mergedAt,
      endedAt: pr.mergedAt,
      defectTexts: [
        {
          key: `#${pr.number}`,
          url: pullRequestUrl(links, pr.repo, pr.number),
          text: stripRevertBoilerplate(candidate.body),
        },
        // A bug filed about the reverted change says why it had to go.
        ...pr.workItemKeys.flatMap((key) => {
          const bug = dataset.workItemByKey.get(key);
          return bug === undefined ||
            originRecords.some((origin) => origin.workItemKeys.includes(key))
            ? []
            : [
                {
                  key,
                  url: workItemUrl(links, key),
                  text: `${bug.summary}\n\n${bug.description ?? ''}`,
                },
              ];
        }),
      ],
      expectations: null,
    });
  }
  return found;
}

/** The canonical revert sentences say nothing about why: keep only the author's own words. */
function stripRevertBoilerplate(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^\s*(this reverts commit|reverts\s)/i.test(line))
    .join('\n')
    .trim();
}

async function pullRequestsOfShas(
  manager: EntityManager,
  revert: PullRequestRecord,
  shas: readonly string[],
): Promise<string[]> {
  const patterns = shas.map((sha) => `${sha.toLowerCase()}%`);
  const rows = await manager.query<{ id: string }[]>(
    `SELECT DISTINCT p.id FROM pull_request p LEFT JOIN pull_request_commit c ON c.pull_request_id = p.id
     WHERE p.repository_id = $1 AND p.state = 'merged' AND p.id <> $2 AND (lower(p.merge_commit_sha) LIKE ANY($3::text[]) OR lower(c.sha) LIKE ANY($3::text[]))`,
    [revert.repositoryId, revert.id, patterns],
  );
  return rows.map((row) => row.id);
}

function latestByTitle(
  dataset: AnalysisDataset,
  revert: PullRequestRecord,
  title: string,
): PullRequestRecord | undefined {
  let best: PullRequestRecord | undefined;
  const wanted = title.trim().toLowerCase();
  for (const pr of dataset.pullRequests.values()) {
    if (
      pr.repositoryId !== revert.repositoryId ||
      pr.id === revert.id ||
      pr.mergedAt.getTime() > revert.mergedAt.getTime()
    )
      continue;
    if (pr.title.trim().toLowerCase() !== wanted) continue;
    if (best === undefined || pr.mergedAt.getTime() > best.mergedAt.getTime()) best = pr;
  }
  return best;
}
