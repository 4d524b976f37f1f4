import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import {
  classifyFix,
  selectFollowUpOrigins,
  type AnalysisConfig,
  type TracedIntroducer,
} from '../core';
import type { AnalysisDataset, PullRequestRecord } from '../domain/analysis-dataset';
import {
  pullRequestUrl,
  uniqueSorted,
  workItemUrl,
  type DetectedRework,
  type LinkBase,
} from './detected-rework';
import { traceFixes, type FixTrace, type TraceCounts } from './fix-traces';

/**
 * Reads: merged PRs, their files (for fixes only), the commits of every PR (SHA -> PR), and the
 * fix traces. Finds: follow-up fixes, a fix (linked to a Bug, labelled or titled as a fix) whose
 * changed or deleted lines were introduced by other PRs merged within the window.
 * Also returns every fix's trace and reading, so linked bugs and incidents can use them.
 */
export interface FixFacts {
  pr: PullRequestRecord;
  trace: FixTrace | undefined;
  /** Origin PR ids the trace found within the window, largest share first. */
  originIds: string[];
  reasons: string[];
  files: string[];
  /**
   * Lines touched per changed file: the larger of its additions and deletions, so a replaced line
   * counts once (a one-line fix is +1 -1, not two lines).
   */
  fileLines: Array<{ path: string; lines: number }>;
}

export interface FollowUpResult {
  items: DetectedRework[];
  fixes: Map<string, FixFacts>;
}

async function filesOf(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, Array<{ path: string; lines: number }>>> {
  const files = new Map<string, Array<{ path: string; lines: number }>>();
  for (let start = 0; start < ids.length; start += 5000) {
    for (const row of await manager.query<
      { pull_request_id: string; path: string; lines: number }[]
    >(
      'SELECT pull_request_id, path, GREATEST(additions, deletions) AS lines FROM pull_request_file WHERE pull_request_id = ANY($1::text[])',
      [ids.slice(start, start + 5000)],
    )) {
      const list = files.get(row.pull_request_id) ?? [];
      list.push({ path: row.path, lines: row.lines });
      files.set(row.pull_request_id, list);
    }
  }
  return files;
}

/** SHA -> PR ids of one repository: every PR commit and every merge (or squash) commit. */
async function shaLookup(
  manager: EntityManager,
  dataset: AnalysisDataset,
  repositoryId: string,
): Promise<Map<string, string[]>> {
  const lookup = new Map<string, string[]>();
  const add = (sha: string, id: string): void => {
    const list = lookup.get(sha);
    if (list === undefined) lookup.set(sha, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const row of await manager.query<{ sha: string; pull_request_id: string }[]>(
    `SELECT c.sha, c.pull_request_id FROM pull_request_commit c JOIN pull_request p ON p.id = c.pull_request_id
     WHERE p.repository_id = $1 AND p.state = 'merged'`,
    [repositoryId],
  )) {
    add(row.sha.toLowerCase(), row.pull_request_id);
  }
  for (const pr of dataset.pullRequests.values()) {
    if (pr.repositoryId === repositoryId && pr.mergeCommitSha !== null)
      add(pr.mergeCommitSha.toLowerCase(), pr.id);
  }
  return lookup;
}

export async function detectFollowUpFixes(
  manager: EntityManager,
  dataset: AnalysisDataset,
  config: AnalysisConfig,
  options: {
    dataDir: string | null;
    links: LinkBase;
    excludePullRequestIds: ReadonlySet<string>;
    logger?: Logger;
  },
  counts: TraceCounts,
): Promise<FollowUpResult> {
  const candidates: Array<{ pr: PullRequestRecord; reasons: string[] }> = [];
  for (const pr of dataset.pullRequests.values()) {
    if (options.excludePullRequestIds.has(pr.id) || pr.mergeCommitSha === null) continue;
    const linked = pr.workItemKeys.map((key) => ({
      key,
      type: dataset.workItemByKey.get(key)?.type ?? '',
    }));
    const verdict = classifyFix({ title: pr.title, labels: pr.labels }, linked, config);
    if (verdict.isFix)
      candidates.push({
        pr,
        reasons: verdict.reasons.map((reason) => `${reason.rule}: ${reason.detail}`),
      });
  }
  const files = await filesOf(
    manager,
    candidates.map((candidate) => candidate.pr.id),
  );
  const fixes = new Map<string, FixFacts>();
  const items: DetectedRework[] = [];
  const byRepo = new Map<string, Array<{ pr: PullRequestRecord; reasons: string[] }>>();
  for (const candidate of candidates) {
    const paths = (files.get(candidate.pr.id) ?? []).map((file) => file.path);
    // A docs-only fix changes no code: nothing to trace, not code rework.
    if (
      classifyFix(
        { title: candidate.pr.title, labels: candidate.pr.labels, files: paths },
        [],
        config,
      ).scope === 'docs_only'
    )
      continue;
    const list = byRepo.get(candidate.pr.repositoryId) ?? [];
    list.push(candidate);
    byRepo.set(candidate.pr.repositoryId, list);
  }
  for (const [repositoryId, repoCandidates] of byRepo) {
    const traces = await traceFixes(
      manager,
      repoCandidates.map(({ pr }) => ({
        repositoryId,
        repo: pr.repo,
        sha: (pr.mergeCommitSha ?? '').toLowerCase(),
      })),
      { dataDir: options.dataDir, testFileGlobs: config.testFileGlobs, logger: options.logger },
      counts,
    );
    const lookup = await shaLookup(manager, dataset, repositoryId);
    for (const { pr, reasons } of repoCandidates) {
      const trace = traces.get(`${repositoryId}@${(pr.mergeCommitSha ?? '').toLowerCase()}`);
      const introducers: TracedIntroducer[] = [];
      for (const introducer of trace?.introducers ?? []) {
        const owners = (lookup.get(introducer.sha) ?? [])
          .map((id) => dataset.pullRequests.get(id))
          .filter((owner): owner is PullRequestRecord => owner !== undefined);
        // A commit in several PRs (a branch merged into another) is credited to the first to land.
        const owner = owners.sort((a, b) => a.mergedAt.getTime() - b.mergedAt.getTime())[0];
        introducers.push({
          sha: introducer.sha,
          prNumber: owner?.number ?? null,
          landedAt: owner?.mergedAt ?? new Date(introducer.at),
          lines: introducer.lines,
        });
      }
      const selection = selectFollowUpOrigins(
        introducers,
        { prNumber: pr.number, mergedAt: pr.mergedAt },
        config.windows.followUpFixDays,
      );
      const originIds = selection.origins
        .map((origin) =>
          origin.prNumber === null
            ? undefined
            : dataset.pullRequestByNumber.get(`${repositoryId}#${origin.prNumber}`),
        )
        .filter((id): id is string => id !== undefined && !options.excludePullRequestIds.has(id));
      fixes.set(pr.id, {
        pr,
        trace,
        originIds,
        reasons,
        files: (files.get(pr.id) ?? []).map((file) => file.path),
        fileLines: files.get(pr.id) ?? [],
      });
      if (originIds.length === 0) continue;
      const origins = originIds
        .map((id) => dataset.pullRequests.get(id))
        .filter((origin): origin is PullRequestRecord => origin !== undefined);
      const tracedLines = selection.origins.reduce(
        (sum, origin) => sum + (origin.prNumber === null ? 0 : origin.lines),
        0,
      );
      const bugKeys = pr.workItemKeys.filter((key) =>
        config.classification.bugIssueTypes.some(
          (type) =>
            type.toLowerCase() === (dataset.workItemByKey.get(key)?.type ?? '').toLowerCase(),
        ),
      );
      items.push({
        id: `follow-up-fix:${pr.id}`,
        kind: 'follow-up-fix',
        repositoryId,
        reworkPullRequestIds: [pr.id],
        reworkWorkItemKeys: uniqueSorted(bugKeys),
        incidentId: null,
        originPullRequestIds: uniqueSorted(originIds),
        originWorkItemKeys: uniqueSorted(
          origins.flatMap((origin) => origin.workItemKeys).filter((key) => !bugKeys.includes(key)),
        ),
        rule: 'szz-trace',
        detection: {
          rules: ['fix-classification', 'szz-trace'],
          facts: [
            `#${pr.number} is a fix (${reasons.join('; ')})`,
            ...selection.origins
              .filter((origin) => origin.prNumber !== null)
              .map(
                (origin) =>
                  `${origin.lines} of the ${tracedLines} traced changed lines came from #${origin.prNumber} (merged ${origin.ageDays} days before)`,
              ),
          ],
          links: [
            { label: `#${pr.number}`, url: pullRequestUrl(options.links, pr.repo, pr.number) },
            ...origins.map((origin) => ({
              label: `#${origin.number}`,
              url: pullRequestUrl(options.links, origin.repo, origin.number),
            })),
          ],
        },
        occurredAt: pr.mergedAt,
        endedAt: pr.mergedAt,
        defectTexts: [
          {
            key: `#${pr.number}`,
            url: pullRequestUrl(options.links, pr.repo, pr.number),
            text: pr.title,
          },
          ...bugKeys.flatMap((key) => {
            const bug = dataset.workItemByKey.get(key);
            return bug === undefined
              ? []
              : [
                  {
                    key,
                    url: workItemUrl(options.links, key),
                    text: `${bug.summary}\n\n${bug.description ?? ''}`,
                  },
                ];
          }),
        ],
        expectations: trace?.expectations ?? null,
      });
    }
  }
  return { items, fixes };
}
