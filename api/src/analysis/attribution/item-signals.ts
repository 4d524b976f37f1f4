import {
  addsTestForUntestedPathSignal,
  clarifyingQuestionsSignal,
  clearStableTicketSignal,
  expectationTextSignal,
  failureMentionedIn,
  fastRevertAfterFailureSignal,
  faultTextSignal,
  globMatcher,
  lightReviewForRiskSignal,
  noAcceptanceCriteriaSignal,
  readDefectText,
  requirementChurnSignal,
  smallLocalFixSignal,
  testExpectationRewriteSignal,
  thinDescriptionSignal,
  untrackedOriginSignal,
  type AnalysisConfig,
  type ClarifyingQuestionEvidence,
  projectOfKey,
  type OriginWorkItem,
  type ProjectNorm,
  type Signal,
  type TestExpectationReading,
} from '../core';
import type { AnalysisDataset, PullRequestRecord } from '../domain/analysis-dataset';
import {
  pullRequestUrl,
  workItemUrl,
  type DetectedRework,
  type LinkBase,
} from '../detection/detected-rework';
import type { ContextAtStart } from '../scoring/context-at-start';
import type { PullRequestReviewScore } from '../storage/scores.entity';

/** Everything the signal builders read besides the item itself; built once per run. */
export interface SignalContext {
  dataset: AnalysisDataset;
  config: AnalysisConfig;
  links: LinkBase;
  contexts: ReadonlyMap<string, ContextAtStart>;
  reviewScores: ReadonlyMap<string, PullRequestReviewScore>;
  /** Clarifying questions per origin PR id and per work item key, each with its time. */
  questions: ReadonlyMap<string, Array<ClarifyingQuestionEvidence & { at: Date }>>;
  /** Rework PRs' changed files, lines touched in each (a replaced line once); empty: unknown. */
  filesOf: (pullRequestId: string) => ReadonlyArray<{ path: string; lines: number }>;
  /** Per Jira project: how common tickets without criteria or with thin descriptions are. */
  norms: ReadonlyMap<string, ProjectNorm>;
}

function originWorkItem(
  item: DetectedRework,
  context: SignalContext,
): { origin: OriginWorkItem; at: ContextAtStart } | null {
  const bugTypes = new Set(
    context.config.classification.bugIssueTypes.map((type) => type.toLowerCase()),
  );
  for (const key of item.originWorkItemKeys) {
    const workItem = context.dataset.workItemByKey.get(key);
    if (workItem === undefined || bugTypes.has(workItem.type.toLowerCase())) continue;
    const at = context.contexts.get(workItem.id);
    const norm = context.norms.get(projectOfKey(key));
    if (at !== undefined)
      return {
        origin: {
          key,
          url: workItemUrl(context.links, key),
          context: at.score,
          ...(norm === undefined ? {} : { norm }),
        },
        at,
      };
  }
  return null;
}

function asReading(item: DetectedRework): TestExpectationReading | null {
  const stored = item.expectations;
  if (stored === null) return null;
  return { ...stored, addedTestFiles: [] };
}

export function signalsFor(item: DetectedRework, context: SignalContext): Signal[] {
  const { config, dataset, links } = context;
  const signals: Array<Signal | null> = [];
  const origins = item.originPullRequestIds
    .map((id) => dataset.pullRequests.get(id))
    .filter((pr): pr is PullRequestRecord => pr !== undefined);
  const originItem = originWorkItem(item, context);
  const origin = originItem?.origin ?? null;
  signals.push(
    noAcceptanceCriteriaSignal(origin, config),
    thinDescriptionSignal(origin, config),
    requirementChurnSignal(origin, config),
    clearStableTicketSignal(origin, config),
  );

  // Questions about intent on the origin PRs before they merged, or on the origin ticket before its work merged.
  const lastMerge = origins.reduce(
    (latest, pr) => Math.max(latest, pr.mergedAt.getTime()),
    originItem?.at.workItem.resolvedAt?.getTime() ?? 0,
  );
  const asked = [
    ...origins.flatMap((pr) =>
      (context.questions.get(pr.id) ?? []).filter(
        (question) => question.at.getTime() < pr.mergedAt.getTime(),
      ),
    ),
    // Only what was asked before the rework happened: a question written after a reopen or a
    // bug report is part of the rework, not a sign the requirement was open when it was built.
    ...(origin === null
      ? []
      : (context.questions.get(origin.key) ?? []).filter(
          (question) =>
            (lastMerge === 0 || question.at.getTime() < lastMerge) &&
            question.at.getTime() < item.occurredAt.getTime(),
        )),
  ];
  signals.push(clarifyingQuestionsSignal(asked, config));

  // The problem's own words: the strongest reading on each side across bug, incident, PR and comments.
  let bestExpectation: Signal | null = null;
  let bestFault: Signal | null = null;
  for (const text of item.defectTexts) {
    const reading = readDefectText(text.text);
    const source = { key: text.key, ...(text.url === undefined ? {} : { url: text.url }) };
    const expectation = expectationTextSignal(reading, source, config);
    const fault = faultTextSignal(reading, source, config);
    if (
      expectation !== null &&
      (bestExpectation === null || expectation.weight > bestExpectation.weight)
    )
      bestExpectation = expectation;
    if (fault !== null && (bestFault === null || fault.weight > bestFault.weight))
      bestFault = fault;
  }
  signals.push(bestExpectation, bestFault);

  const fixPr =
    item.kind === 'revert'
      ? undefined
      : item.reworkPullRequestIds
          .map((id) => dataset.pullRequests.get(id))
          .find((pr) => pr !== undefined);
  const reading = asReading(item);
  if (fixPr !== undefined) {
    const ref = { ref: `#${fixPr.number}`, url: pullRequestUrl(links, fixPr.repo, fixPr.number) };
    if (reading !== null)
      signals.push(
        testExpectationRewriteSignal(reading, ref, config),
        addsTestForUntestedPathSignal(reading, ref, config),
      );
    const isTest = globMatcher(config.testFileGlobs);
    const files = context.filesOf(fixPr.id);
    const code = files.filter((file) => !isTest(file.path));
    const size = {
      ...ref,
      additions: fixPr.additions,
      deletions: fixPr.deletions,
      files: files.length || fixPr.changedFiles,
      ...(files.length === 0 ? {} : { codeLines: code.reduce((sum, file) => sum + file.lines, 0) }),
    };
    signals.push(smallLocalFixSignal(size, files.length - code.length, config));
  }

  if (origin === null && origins.length > 0) {
    const first = origins[0];
    if (first !== undefined)
      signals.push(
        untrackedOriginSignal(
          {
            ref: `#${first.number}`,
            url: pullRequestUrl(links, first.repo, first.number),
            workItemKeys: origins.flatMap((pr) => pr.workItemKeys),
          },
          config,
        ),
      );
  }

  if (item.kind === 'revert') {
    const revert = dataset.pullRequests.get(item.reworkPullRequestIds[0] ?? '');
    // Without a deployment record, the revert's own words may name the failure it answers.
    const ownWords = item.defectTexts.find((text) => text.key === `#${revert?.number ?? ''}`);
    const mentioned = ownWords === undefined ? null : failureMentionedIn(ownWords.text);
    for (const originPr of origins) {
      if (revert === undefined) break;
      const deployment = dataset.deployments.find(
        (deployment) =>
          deployment.repositoryId === originPr.repositoryId &&
          (deployment.status === 'failure' || deployment.status === 'error') &&
          deployment.createdAt.getTime() >= originPr.mergedAt.getTime() &&
          deployment.createdAt.getTime() <= revert.mergedAt.getTime(),
      );
      const failure =
        deployment !== undefined
          ? { kind: 'deploy' as const, at: deployment.createdAt }
          : mentioned === null
            ? null
            : {
                kind: mentioned.kind,
                at: revert.createdAt,
                url: pullRequestUrl(links, revert.repo, revert.number),
                excerpt: mentioned.sentence,
              };
      const signal = fastRevertAfterFailureSignal(
        {
          revertRef: `#${revert.number}`,
          revertedAt: revert.mergedAt,
          originMergedAt: originPr.mergedAt,
          failure,
        },
        config,
      );
      if (signal !== null) {
        signals.push(signal);
        break;
      }
    }
  }

  // One light review is the finding; further origins reviewed as lightly add nothing new.
  for (const originPr of origins) {
    const score = context.reviewScores.get(originPr.id);
    if (score === undefined) continue;
    const signal = lightReviewForRiskSignal(
      {
        ref: `#${originPr.number}`,
        url: pullRequestUrl(links, originPr.repo, originPr.number),
        risk: score.risk,
        depth: score.depth,
        rubberStamp: score.rubberStamp,
        depthReasons: score.depthComponents.map((component) => component.reason),
      },
      config,
    );
    if (signal !== null) {
      signals.push(signal);
      break;
    }
  }
  return signals.filter((signal): signal is Signal => signal !== null);
}
