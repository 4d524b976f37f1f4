import type {
  SimChangedFile,
  SimReview,
  SimIssueComment,
} from '../../sources/github/simulator/github-dataset';
import type { SimIssue, SimIssueLink } from '../../sources/jira/simulator/simulator-dataset';
import type { GroundTruthItem, ReworkKind, TrueCause } from '../ground-truth';
import {
  buildSkeleton,
  dayMs,
  demoStart,
  demoMonths,
  hourMs,
  monthStart,
  periodOf,
  sprintAt,
} from './org-skeleton';
import type {
  CodeOp,
  GenDeployment,
  GenIncident,
  GenPerson,
  GenPullRequest,
  GenRepo,
  GenTeam,
  OrgEvent,
  OrgSkeleton,
} from './org-model';
import { Random } from './random';
import { sourcePath } from './code-render';
import { buildWorkItem, type LifeEvent } from './work-item.builder';
import {
  branchName,
  clarifyingQuestion,
  codeComment,
  expectationText,
  fill,
  faultText,
  prTitle,
  rewrittenDescription,
  ticketText,
  type CriteriaStyle,
} from './texts';
import { approvalBodies, commitVerbs, incidentTitles, qualifiers, verbs } from './vocabulary';

export interface GenerateOptions {
  seed: number;
  /** Total pull requests over the 18 months (default 4,000). */
  prs: number;
}

interface RecentFunction {
  fnId: number;
  path: string;
  length: number;
  isTest: boolean;
  owner: number;
  landedAt: number;
  locked: boolean;
}
interface RepoState {
  repo: GenRepo;
  nextNumber: number;
  nextCommitId: number;
  /** Per area and kind (source/test): the file new functions go to and how many it holds (only the current one: bounded). */
  files: Map<string, { index: number; fill: number }>;
  recent: RecentFunction[];
  /** PR number -> its landing commit and time, in landing order: what a later revert quotes. */
  landings: Map<number, { commitId: number; at: number }>;
  lastLanding: { commitId: number; at: number } | null;
}

interface Pending {
  landAt: number;
  pr: GenPullRequest;
  /** Ground truth to emit when this PR is emitted (its rework PR). */
  truth?: GroundTruthItem;
  incident?: { title: string; body: string; at: number };
}

/** Everything decided for a PR before it is emitted; commit ids are given at emission. */
const generatorVersion = 'demo-org-3';
export { generatorVersion };

/**
 * The demo organisation as a stream: the skeleton first, then one event per slice of a month
 * with the PRs that landed (merged or closed) in it, the work items created, deployments,
 * incidents and the ground truth of the rework injected. A month is cut into slices of about
 * `slicePullRequests` PRs (one slice at demo sizes), so a batch never grows with the scale; state
 * kept between slices is bounded (recent functions and landings per repository, the deployment
 * schedule, the PRs still in flight), so 1,000,000 PRs stream in flat memory.
 */
export function* generateOrganisation(options: GenerateOptions): Generator<OrgEvent> {
  const skeleton = buildSkeleton(options.seed);
  yield { kind: 'skeleton', skeleton };
  const generator = new MonthGenerator(skeleton, options);
  const slices = slicesPerMonth(options.prs);
  for (let month = 0; month < demoMonths; month += 1)
    for (let slice = 0; slice < slices; slice += 1) yield generator.slice(month, slice, slices);
}

/** PRs per generated batch at most (about): demo sizes stay one batch per month. */
export const slicePullRequests = 400;

export function slicesPerMonth(prs: number): number {
  return Math.max(1, Math.ceil(prs / demoMonths / slicePullRequests));
}

/**
 * Forgets the oldest landings (a map in landing order) that no revert can quote any more. A count
 * alone is not enough: at a million PRs a repository lands 600 PRs in three days, while a revert
 * can come a week after its origin. So a landing goes only when more than `keep` are remembered
 * and it is older than 45 days.
 */
export function forgetOldLandings(
  landings: Map<number, { at: number }>,
  now: number,
  keep: number,
): void {
  for (const [number, landing] of landings) {
    if (landings.size <= keep || landing.at >= now - 45 * dayMs) return;
    landings.delete(number);
  }
}

/**
 * Share of rework that is an incident: about 25 incidents at the default 4,000 PRs (about 700
 * rework items there), the same share at every scale.
 */
const incidentShare = 25 / 620;

const reworkPullRequestFactor = 1.14;

interface ScheduledDeployment {
  at: number;
  failed: boolean;
}

/** How an incident points at its cause: what the linking has to work from. */
type IncidentLinkStyle = 'names-pr' | 'names-work-item' | 'window' | 'window-after-later-deploy';

class MonthGenerator {
  private readonly repos = new Map<string, RepoState>();
  private pending: Pending[] = [];
  private nextFnId = 1;
  private nextIds = {
    pr: 900_000_000,
    review: 1_500_000_000,
    comment: 2_000_000_000,
    deploy: 300_000_000,
    issue: 10_000,
    history: 100_000,
    jiraComment: 500_000,
    link: 20_000,
    truth: 0,
    ghIssue: 600_000_000,
  };
  private readonly keyCounters = new Map<string, number>();
  /** Per repository: production deployments every 1-3 days, fixed in advance so incidents can follow one. */
  private readonly schedule = new Map<string, ScheduledDeployment[]>();
  private incidentCredit = 0;
  private readonly epics = new Map<number, string>();
  private readonly ghIssueNumbers = new Map<string, number>();

  constructor(
    private readonly skeleton: OrgSkeleton,
    private readonly options: GenerateOptions,
  ) {
    for (const repo of skeleton.repos) {
      this.repos.set(repo.name, {
        repo,
        nextNumber: 1,
        nextCommitId: 1,
        files: new Map(),
        recent: [],
        landings: new Map(),
        lastLanding: null,
      });
      const random = Random.fork(skeleton.seed, 'deploys', repo.name);
      const deploys: ScheduledDeployment[] = [];
      const end = monthStart(demoMonths);
      for (let at = demoStart + 15 * hourMs; at < end; at += random.int(1, 3) * dayMs)
        deploys.push({ at, failed: random.chance(0.04) });
      this.schedule.set(repo.name, deploys);
    }
  }

  /** The first successful deployment of `repo` at or after `at` (it ships what merged before it). */
  private deployAfter(repo: string, at: number): ScheduledDeployment | undefined {
    const deploys = this.schedule.get(repo) ?? [];
    let low = 0;
    let high = deploys.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((deploys[middle]?.at ?? 0) < at) low = middle + 1;
      else high = middle;
    }
    return deploys.slice(low).find((deploy) => !deploy.failed);
  }

  private id(kind: keyof MonthGenerator['nextIds']): number {
    this.nextIds[kind] += 1;
    return this.nextIds[kind];
  }

  slice(month: number, slice: number, slices: number): OrgEvent {
    const random =
      slices === 1
        ? Random.fork(this.skeleton.seed, 'month', month)
        : Random.fork(this.skeleton.seed, 'month', month, 'slice', slice);
    const workItems: SimIssue[] = [];
    const truths: GroundTruthItem[] = [];
    const monthFrom = monthStart(month);
    const monthLength = monthStart(month + 1) - monthFrom;
    const start = monthFrom + Math.round((monthLength * slice) / slices);
    const end = monthFrom + Math.round((monthLength * (slice + 1)) / slices);
    // Rework adds its own PRs (fixes, reverts: about 14% more), so planned work is scaled to make the total about `prs`.
    const perSlice = this.options.prs / reworkPullRequestFactor / demoMonths / slices;
    for (const team of this.skeleton.teams) {
      if (month % 3 === 0 && slice === 0)
        this.epics.set(team.index, this.newEpic(random, team, start, workItems));
      const velocity = team.story === 'velocity' && month >= this.skeleton.story.velocityFromMonth;
      const teamShare = perSlice / this.skeleton.teams.length;
      const count = Math.round(teamShare * (velocity ? 1.3 : 0.93) * (0.9 + random.next() * 0.2));
      for (let unit = 0; unit < count; unit += 1)
        this.planWork(random, team, month, start, end, workItems, truths);
      // Work that never reaches a PR: backlog, spikes, ops tasks.
      const extra = Math.round(count * 0.75);
      for (let index = 0; index < extra; index += 1)
        workItems.push(this.backlogItem(random, team, start + random.next() * (end - start)));
    }
    const isLast = month === demoMonths - 1 && slice === slices - 1;
    const landing = this.pending.filter((entry) => entry.landAt < end || isLast);
    this.pending = this.pending.filter((entry) => !(entry.landAt < end || isLast));
    landing.sort((a, b) =>
      a.pr.repo < b.pr.repo
        ? -1
        : a.pr.repo > b.pr.repo
          ? 1
          : a.landAt - b.landAt || a.pr.number - b.pr.number,
    );
    const pullRequests: GenPullRequest[] = [];
    const incidents: GenIncident[] = [];
    const tips = new Map(
      [...this.repos.values()].map((state) => [
        state.repo.name,
        state.lastLanding?.commitId ?? null,
      ]),
    );
    for (const entry of landing) {
      const state = this.repos.get(entry.pr.repo) as RepoState;
      this.emit(state, entry);
      pullRequests.push(entry.pr);
      if (entry.truth !== undefined) truths.push(entry.truth);
      if (entry.incident !== undefined) {
        const number = (this.ghIssueNumbers.get(entry.pr.repo) ?? 10_000) + 1;
        this.ghIssueNumbers.set(entry.pr.repo, number);
        const closedAt = new Date(entry.landAt + 2 * hourMs).toISOString();
        incidents.push({
          repo: entry.pr.repo,
          databaseId: this.id('ghIssue'),
          number,
          title: entry.incident.title,
          body: entry.incident.body,
          author: entry.pr.author,
          state: 'closed',
          labels: ['incident', random.pick(['sev2', 'sev3', 'sev2'])],
          createdAt: new Date(entry.incident.at).toISOString(),
          updatedAt: closedAt,
          closedAt,
        });
        if (entry.truth !== undefined) entry.truth.rework.incidentIssue = number;
      }
    }
    const deployments = this.deployments(pullRequests, tips, start, end);
    return {
      kind: 'month',
      month,
      slice,
      pullRequests,
      workItems,
      deployments,
      incidents,
      groundTruth: truths,
    };
  }

  /** Gives commit ids in landing order and records what landed, for later fixes and reverts. */
  private emit(state: RepoState, entry: Pending): void {
    const pr = entry.pr;
    for (const commit of pr.commits) commit.id = state.nextCommitId++;
    if (pr.state === 'MERGED' && pr.landing !== null) {
      pr.landing.id = state.nextCommitId++;
      state.landings.set(pr.number, { commitId: pr.landing.id, at: entry.landAt });
      state.lastLanding = { commitId: pr.landing.id, at: entry.landAt };
      const revert = pr.commits
        .flatMap((commit) => commit.ops)
        .find((op): op is Extract<CodeOp, { kind: 'revert-pr' }> => op.kind === 'revert-pr');
      if (revert?.kind === 'revert-pr') {
        // The reverted PR's functions are gone from main: nobody may change them any more.
        state.recent = state.recent.filter((fn) => fn.owner !== revert.originNumber);
        const origin = state.landings.get(revert.originNumber);
        if (origin === undefined)
          throw new Error(
            `${state.repo.name}#${pr.number} reverts #${revert.originNumber}, whose landing is no longer remembered`,
          );
        const originCommit = origin.commitId;
        const fill = (text: string): string =>
          text.replace('{{origin}}', `{{sha:${originCommit}}}`);
        for (const commit of pr.commits) commit.message = fill(commit.message);
        pr.landing.message = fill(pr.landing.message);
        pr.body = fill(pr.body);
      }
      for (const op of pr.commits.flatMap((commit) => commit.ops)) {
        if (op.kind === 'add-function')
          state.recent.push({
            fnId: op.fnId,
            path: op.path,
            length: op.length,
            isTest: op.isTest,
            owner: pr.number,
            landedAt: entry.landAt,
            locked: false,
          });
      }
      if (state.recent.length > 400) state.recent.splice(0, state.recent.length - 400);
      forgetOldLandings(state.landings, entry.landAt, 600);
    }
  }

  private person(random: Random, team: GenTeam, month: number, exclude?: string): GenPerson {
    const members = this.skeleton.people.filter(
      (person) =>
        person.teamIndex === team.index &&
        person.joinedMonth <= month &&
        person.githubLogin !== exclude,
    );
    return random.pick(members);
  }

  private nextKey(projectKey: string): string {
    const number = (this.keyCounters.get(projectKey) ?? 0) + 1;
    this.keyCounters.set(projectKey, number);
    return `${projectKey}-${number}`;
  }

  private build(input: Parameters<typeof buildWorkItem>[0]): SimIssue {
    return buildWorkItem(
      input,
      () => this.id('history'),
      () => this.id('jiraComment'),
    );
  }

  private newEpic(random: Random, team: GenTeam, at: number, out: SimIssue[]): string {
    const key = this.nextKey(team.projectKey);
    const lead = this.person(random, team, 0);
    out.push(
      this.build({
        id: this.id('issue'),
        key,
        projectKey: team.projectKey,
        issueType: 'Epic',
        created: at + 2 * hourMs,
        reporterId: lead.jiraAccountId,
        assigneeId: lead.jiraAccountId,
        summary: `${team.name}: ${random.pick(team.nouns)} ${random.pick(['revamp', 'reliability', 'v2', 'self-serve', 'compliance'])}`,
        description: [
          {
            type: 'paragraph',
            text: fill(
              random,
              'Goal for the quarter: {verb} {noun}s {qualifier}.',
              random.pick(team.nouns),
            ),
          },
        ],
        criteria: null,
        storyPoints: null,
        labels: [],
        epicKey: null,
        comments: [],
        links: [],
        events: [{ at: at + 3 * hourMs, by: lead.jiraAccountId, kind: 'status', to: 'progress' }],
      }),
    );
    return key;
  }

  private backlogItem(random: Random, team: GenTeam, at: number): SimIssue {
    const reporter = this.person(random, team, 0);
    const noun = random.pick(team.nouns);
    const done = random.chance(0.45);
    const style = random.pick<CriteriaStyle>(['none', 'none', 'heading', 'checklist']);
    const text = ticketText(random, noun, style, random.chance(0.4));
    const events: LifeEvent[] = done
      ? [
          {
            at: at + random.skewed(48, 0.6) * hourMs,
            by: reporter.jiraAccountId,
            kind: 'status',
            to: 'progress',
          },
          {
            at: at + random.skewed(120, 0.6) * hourMs + 50 * hourMs,
            by: reporter.jiraAccountId,
            kind: 'status',
            to: 'done',
          },
        ]
      : [];
    return this.build({
      id: this.id('issue'),
      key: this.nextKey(team.projectKey),
      projectKey: team.projectKey,
      issueType: random.pick(['Task', 'Story', 'Task', 'Spike']),
      created: at,
      reporterId: reporter.jiraAccountId,
      assigneeId: done ? reporter.jiraAccountId : null,
      summary: `${capital(random.pick(verbs))} ${noun} ${random.pick(qualifiers)}`.trim(),
      description: text.description,
      criteria: text.criteriaField,
      storyPoints: random.chance(0.5) ? random.pick([1, 2, 3, 5]) : null,
      labels: [],
      epicKey: this.epics.get(team.index) ?? null,
      events,
      comments: [],
      links: [],
    });
  }

  /** One piece of planned work: its ticket, its PR, and any rework it will cause. */
  private planWork(
    random: Random,
    team: GenTeam,
    month: number,
    start: number,
    end: number,
    workItems: SimIssue[],
    truths: GroundTruthItem[],
  ): void {
    const story = this.skeleton.story;
    const contextFirst = team.story === 'context-first' && month >= story.contextFirstFromMonth;
    const velocity = team.story === 'velocity' && month >= story.velocityFromMonth;
    const repoName = random.pick(team.repoNames);
    const state = this.repos.get(repoName) as RepoState;
    const noun = random.pick(team.nouns);
    const agentShare = 0.05 + (0.3 * month) / (demoMonths - 1);
    const human = this.person(random, team, month);
    const agent = random.chance(agentShare);
    const bot = agent && random.chance(0.55) ? random.pick(this.skeleton.bots.slice(0, 2)) : null;
    const created = start + random.next() * (end - start) * 0.92;

    // The ticket as written before work starts.
    const tracked = random.chance(contextFirst ? 0.95 : 0.84);
    const criteriaProbability = contextFirst ? 0.88 : velocity ? 0.22 : 0.36;
    const hasCriteria = random.chance(criteriaProbability);
    const style: CriteriaStyle = hasCriteria
      ? random.pick<CriteriaStyle>(['heading', 'heading', 'checklist', 'gherkin', 'field'])
      : 'none';
    const thin = !hasCriteria && random.chance(contextFirst ? 0.1 : 0.35);
    const churn = random.chance(contextFirst ? 0.08 : hasCriteria ? 0.12 : 0.35);
    const contextMissing = !hasCriteria || thin || churn;
    const verb = random.pick(verbs);
    const summary = `${capital(verb)} ${noun} ${random.pick(qualifiers)}`.trim();
    const type = random.weighted<string>([
      ['feat', 6],
      ['fix', 1],
      ['refactor', 1.5],
      ['chore', 1],
      ['perf', 0.5],
    ]);

    // Size: mostly small, some large; velocity pushes bigger batches. A large PR is a batch of
    // several hundred lines over several files, often with a schema migration: what review
    // calibration calls high risk, so its rubber stamps show up as such.
    const large = random.chance(velocity ? 0.16 : 0.08);
    const shape: CodeShape = large
      ? {
          functions: random.int(24, 44),
          lengths: [12, 26],
          parts: random.int(3, 5),
          migration: random.chance(0.7),
        }
      : { functions: random.int(1, 3), lengths: [6, 16], parts: 1, migration: false };
    const withTests = random.chance(large ? 0.4 : 0.6);
    const author = bot === null ? human.githubLogin : bot.login;
    const reviewers = this.skeleton.people.filter(
      (p) =>
        p.teamIndex === team.index && p.githubLogin !== human.githubLogin && p.joinedMonth <= month,
    );

    // Rework decided up front (the origin's fate), with the true cause.
    const baseMc = contextMissing ? (contextFirst ? 0.1 : 0.17) : 0.035;
    const baseEx = (velocity ? 0.1 : 0.05) * (large ? 1.6 : 1) * (agent ? 1.3 : 1);
    const roll = random.next();
    const cause: TrueCause | null =
      roll < baseMc ? 'missing_context' : roll < baseMc + baseEx ? 'execution' : null;
    const rubberStamp = large && random.chance(velocity ? 0.6 : 0.25);
    const clarify = random.chance(
      cause === 'missing_context'
        ? 0.55
        : contextMissing
          ? 0.18
          : cause === 'execution'
            ? 0.1
            : 0.05,
    );

    const key = tracked ? this.nextKey(team.projectKey) : null;
    const title = prTitle(random, summary, key, type);
    const pr = this.newPullRequest(random, state, {
      title,
      key,
      created,
      author,
      authorPerson: human,
      agent,
      isBot: bot !== null,
      reviewers,
      noun,
      large,
      rubberStamp,
      clarify,
      ops: this.newCodeOps(random, state, noun, shape, withTests, created),
      trivialLongReview: !large && random.chance(0.04),
      labels: type === 'fix' ? ['bug'] : [],
      bodyExtra: key === null ? '' : random.chance(0.6) ? `\n\nCloses ${key}` : '',
    });
    const mergedAt = pr.mergedAt === null ? null : Date.parse(pr.mergedAt);
    this.pending.push({
      landAt: Date.parse(pr.closedAt ?? pr.mergedAt ?? new Date(end).toISOString()),
      pr,
    });

    let issue: Parameters<MonthGenerator['build']>[0] | null = null;
    if (key !== null) {
      const text = ticketText(random, noun, style, thin);
      const pm = this.person(random, team, month);
      const ticketCreated = created - random.skewed(6, 0.7) * dayMs;
      const workStart = created - random.skewed(20, 0.6) * hourMs;
      const sprint = sprintAt(this.skeleton, team.index, workStart);
      const points =
        random.pick([1, 2, 3, 3, 5, 5, 8]) +
        (velocity ? random.pick([0, 1, 2, 3]) : 0) -
        (contextFirst && random.chance(0.3) ? 1 : 0);
      const events: LifeEvent[] = [];
      if (sprint !== undefined)
        events.push({
          at: Math.max(ticketCreated + hourMs, Date.parse(sprint.startDate ?? '')),
          by: pm.jiraAccountId,
          kind: 'sprint',
          sprintId: sprint.id,
          sprintName: sprint.name,
        });
      events.push({ at: workStart, by: human.jiraAccountId, kind: 'status', to: 'progress' });
      events.push({
        at: created + 10 * 60_000,
        by: human.jiraAccountId,
        kind: 'status',
        to: 'review',
      });
      if (mergedAt !== null)
        events.push({
          at: mergedAt + random.skewed(3, 0.5) * hourMs,
          by: human.jiraAccountId,
          kind: 'status',
          to: 'done',
        });
      if (churn)
        events.push({
          at: workStart + random.skewed(18, 0.6) * hourMs,
          by: pm.jiraAccountId,
          kind: 'description',
          to: rewrittenDescription(random, noun, text.description),
        });
      if (!hasCriteria && random.chance(0.12))
        events.push({
          at: workStart + random.skewed(30, 0.5) * hourMs,
          by: pm.jiraAccountId,
          kind: 'criteria',
          to: [
            { type: 'bulletList', items: [fill(random, '{noun}s are excluded {qualifier}', noun)] },
          ],
        });
      if (churn && random.chance(0.3))
        events.push({
          at: workStart + random.skewed(26, 0.5) * hourMs,
          by: pm.jiraAccountId,
          kind: 'points',
          to: points + random.pick([1, 2, 3]),
        });
      const comments =
        clarify && random.chance(0.4)
          ? [
              {
                at: workStart + random.skewed(5, 0.5) * hourMs,
                by: human.jiraAccountId,
                text: clarifyingQuestion(random, noun),
              },
            ]
          : [];
      issue = {
        id: this.id('issue'),
        key,
        projectKey: team.projectKey,
        issueType: random.chance(0.8) ? 'Story' : 'Task',
        created: ticketCreated,
        reporterId: pm.jiraAccountId,
        assigneeId: human.jiraAccountId,
        summary,
        description: text.description,
        criteria: text.criteriaField,
        storyPoints: points,
        labels: agent ? ['ai-assisted'] : [],
        epicKey: this.epics.get(team.index) ?? null,
        events,
        comments,
        links: [],
      };
    }

    if (cause !== null && mergedAt !== null && pr.state === 'MERGED') {
      this.planRework(random, {
        team,
        state,
        pr,
        issue,
        cause,
        mergedAt,
        noun,
        human,
        reviewers,
        contextMissing,
        hasCriteria,
        month,
        workItems,
        truths,
      });
    }
    if (issue !== null) workItems.push(this.build(issue));
  }

  /** The file a new function of this area goes to: files hold about 14 functions, then the next one opens. */
  private fileFor(
    state: RepoState,
    noun: string,
    isTest: boolean,
    part = '',
  ): { path: string; newFile: boolean } {
    const area = areaOf(noun, part);
    const slot = `${area}:${isTest ? 't' : 's'}`;
    const current = state.files.get(slot) ?? { index: 1, fill: 0 };
    const file = current.fill >= 14 ? { index: current.index + 1, fill: 0 } : current;
    file.fill += 1;
    state.files.set(slot, file);
    return {
      path: sourcePath(state.repo.language, area, file.index, isTest),
      newFile: file.fill === 1,
    };
  }

  private newCodeOps(
    random: Random,
    state: RepoState,
    noun: string,
    shape: CodeShape,
    withTests: boolean,
    created: number,
  ): CodeOp[] {
    const ops: CodeOp[] = [];
    const fileFor = (isTest: boolean, part = ''): { path: string; newFile: boolean } =>
      this.fileFor(state, noun, isTest, part);
    // A batch spreads over the area's layers; its migration is a file of its own and its rollback.
    const parts = ['', ...random.sample(codeLayers, shape.parts - 1)];
    for (let index = 0; index < shape.functions; index += 1) {
      ops.push({
        kind: 'add-function',
        ...fileFor(false, parts[index % parts.length]),
        fnId: this.nextFnId++,
        length: random.int(shape.lengths[0], shape.lengths[1]),
        isTest: false,
      });
    }
    if (shape.migration)
      for (const part of ['migration', 'migration rollback'])
        ops.push({
          kind: 'add-function',
          ...fileFor(false, part),
          fnId: this.nextFnId++,
          length: random.int(8, 20),
          isTest: false,
        });
    if (withTests)
      ops.push({
        kind: 'add-function',
        ...fileFor(true),
        fnId: this.nextFnId++,
        length: random.int(4, 9),
        isTest: true,
      });
    // Some work changes old code too (outside every rework window, so origins stay unambiguous).
    const old = state.recent.filter(
      (fn) => !fn.locked && !fn.isTest && fn.landedAt < created - 60 * dayMs && fn.length > 4,
    );
    if (old.length > 0 && random.chance(0.3)) {
      const fn = random.pick(old);
      fn.locked = true;
      ops.push({
        kind: 'modify-lines',
        path: fn.path,
        fnId: fn.fnId,
        lines: [random.int(1, fn.length - 2)],
        version: this.nextFnId++,
      });
    }
    return ops;
  }

  private newPullRequest(
    random: Random,
    state: RepoState,
    spec: {
      title: string;
      key: string | null;
      created: number;
      author: string;
      authorPerson: GenPerson;
      agent: boolean;
      isBot: boolean;
      reviewers: GenPerson[];
      noun: string;
      large: boolean;
      rubberStamp: boolean;
      clarify: boolean;
      ops: CodeOp[];
      trivialLongReview: boolean;
      labels: string[];
      bodyExtra: string;
      reviewDelayHours?: number;
    },
  ): GenPullRequest {
    const number = state.nextNumber++;
    const created = spec.created;
    const iso = (ms: number): string => new Date(ms).toISOString();
    const reviews: SimReview[] = [];
    const comments: SimIssueComment[] = [];
    const reviewer = random.pick(spec.reviewers);
    let at = created + (spec.reviewDelayHours ?? random.skewed(spec.large ? 10 : 5, 0.9)) * hourMs;
    if (spec.rubberStamp) {
      at = created + random.int(3, 25) * 60_000;
      reviews.push({
        databaseId: this.id('review'),
        author: reviewer.githubLogin,
        state: 'APPROVED',
        body: random.pick(['', '', 'LGTM', '👍']),
        submittedAt: iso(at),
        comments: [],
      });
    } else {
      const rounds = spec.trivialLongReview
        ? random.int(3, 6)
        : random.weighted([
            [0, 3],
            [1, 2],
            [2, 0.7],
          ]);
      for (let round = 0; round < rounds; round += 1) {
        const reviewComments = Array.from(
          { length: random.int(1, spec.trivialLongReview ? 4 : 2) },
          () => ({
            databaseId: this.id('comment'),
            author: reviewer.githubLogin,
            body:
              spec.clarify && round === 0 && random.chance(0.7)
                ? clarifyingQuestion(random, spec.noun)
                : codeComment(random, spec.noun),
            path:
              spec.ops.find((op) => op.kind !== 'revert-pr')?.kind === undefined
                ? 'README.md'
                : (spec.ops[0] as { path: string }).path,
            createdAt: iso(at),
          }),
        );
        reviews.push({
          databaseId: this.id('review'),
          author: reviewer.githubLogin,
          state: random.chance(0.6) ? 'CHANGES_REQUESTED' : 'COMMENTED',
          body: '',
          submittedAt: iso(at),
          comments: reviewComments,
        });
        at += random.skewed(spec.trivialLongReview ? 30 : 8, 0.7) * hourMs;
      }
      if (spec.clarify && rounds === 0) {
        comments.push({
          databaseId: this.id('comment'),
          author: reviewer.githubLogin,
          body: clarifyingQuestion(random, spec.noun),
          createdAt: iso(at),
        });
        at += random.skewed(4, 0.6) * hourMs;
      }
      reviews.push({
        databaseId: this.id('review'),
        author: reviewer.githubLogin,
        state: 'APPROVED',
        body: random.pick(approvalBodies),
        submittedAt: iso(at),
        comments: [],
      });
      if (random.chance(0.3)) {
        const second = random.pick(spec.reviewers);
        reviews.push({
          databaseId: this.id('review'),
          author: second.githubLogin,
          state: 'APPROVED',
          body: random.pick(approvalBodies),
          submittedAt: iso(at + random.skewed(2, 0.5) * hourMs),
          comments: [],
        });
      }
    }
    const fate = random.next();
    const mergedAt = fate < 0.95 ? at + random.skewed(1.5, 0.8) * hourMs : null;
    const closedAt = mergedAt ?? at + 2 * dayMs;
    const state_ = mergedAt === null ? 'CLOSED' : 'MERGED';

    // Commits: the ops spread over 1-3 commits, fixups after the review rounds.
    const commitCount = Math.min(spec.ops.length, random.int(1, 3));
    const coAuthor =
      spec.agent && !spec.isBot
        ? random.pick([
            'Claude <noreply@anthropic.com>',
            'Copilot <copilot@github.com>',
            'Cursor Agent <cursoragent@cursor.com>',
          ])
        : null;
    const commits = Array.from({ length: commitCount }, (_, index) => {
      const ops = spec.ops.filter((__, opIndex) => opIndex % commitCount === index);
      const when = created - (commitCount - index) * random.int(10, 90) * 60_000;
      const headline =
        index === 0 ? spec.title.replace(/^\[[A-Z]+-\d+\]\s*/, '') : random.pick(commitVerbs);
      const message = `${headline}${coAuthor === null ? '' : `\n\nCo-authored-by: ${coAuthor}`}`;
      return {
        id: 0,
        message,
        authoredAt: iso(when),
        authorName: spec.isBot ? spec.author : spec.authorPerson.displayName,
        authorEmail: spec.isBot
          ? `${spec.author}[bot]@users.noreply.github.com`
          : spec.authorPerson.email,
        authorLogin: spec.isBot ? null : spec.authorPerson.githubLogin,
        ops,
      };
    });
    const body = `${fill(
      random,
      random.pick([
        'This PR {verb}s {noun}s {qualifier}.',
        'Implements the ticket.',
        '',
        'Small change, see diff.',
        'Adds {noun} handling. Tested locally.',
        '## What\n{Verb} {noun}.\n\n## Why\nRequested by product.',
        '## Summary\n- {verb} {noun}\n- tests',
      ]),
      spec.noun,
    )}${spec.bodyExtra}`;
    const squash = state.repo.strategy === 'squash';
    return {
      repo: state.repo.name,
      databaseId: this.id('pr'),
      number,
      title: spec.title,
      body,
      author: spec.author,
      state: state_,
      isDraft: false,
      createdAt: iso(created),
      updatedAt: iso(closedAt),
      mergedAt: mergedAt === null ? null : iso(mergedAt),
      closedAt: iso(closedAt),
      headRefName: branchName(random, spec.key, spec.title, spec.author),
      baseRefName: 'main',
      labels: spec.labels,
      reviews,
      comments,
      commits,
      files: fileStats(spec.ops),
      timeline: [
        {
          kind: 'REVIEW_REQUESTED_EVENT',
          createdAt: iso(created + 60_000),
          actor: spec.author,
          requestedReviewer: reviewer.githubLogin,
        },
      ],
      landing:
        mergedAt === null
          ? null
          : {
              id: 0,
              committedAt: iso(mergedAt),
              message: squash
                ? `${spec.title} (#${number})${coAuthor === null ? '' : `\n\nCo-authored-by: ${coAuthor}`}`
                : `Merge pull request #${number} from ${this.skeleton.organization}/${branchName(random, spec.key, spec.title, spec.author)}\n\n${spec.title}`,
              authorName: spec.isBot ? spec.author : spec.authorPerson.displayName,
              authorEmail: spec.isBot
                ? `${spec.author}[bot]@users.noreply.github.com`
                : spec.authorPerson.email,
            },
      workItemKey: spec.key,
      isAgent: spec.agent,
    };
  }

  private planRework(
    random: Random,
    context: {
      team: GenTeam;
      state: RepoState;
      pr: GenPullRequest;
      issue: Parameters<MonthGenerator['build']>[0] | null;
      cause: TrueCause;
      mergedAt: number;
      noun: string;
      human: GenPerson;
      reviewers: GenPerson[];
      contextMissing: boolean;
      hasCriteria: boolean;
      month: number;
      workItems: SimIssue[];
      truths: GroundTruthItem[];
    },
  ): void {
    const { team, state, pr, issue, cause, mergedAt, noun, human } = context;
    const added = pr.commits
      .flatMap((commit) => commit.ops)
      .filter((op): op is Extract<CodeOp, { kind: 'add-function' }> => op.kind === 'add-function');
    const code = added.filter((op) => !op.isTest);
    const tests = added.filter((op) => op.isTest);
    // Incidents come at a steady share of rework, each after the deployment that shipped its origin.
    this.incidentCredit += incidentShare;
    const shipped =
      this.incidentCredit >= 1 ? this.deployAfter(state.repo.name, mergedAt) : undefined;
    const incidentPlan =
      shipped === undefined ? null : this.planIncident(random, state.repo.name, shipped, issue);
    if (incidentPlan !== null) this.incidentCredit -= 1;
    const kind: ReworkKind =
      incidentPlan !== null
        ? 'incident'
        : random.weighted<ReworkKind>([
            ['follow-up-fix', 50],
            ['revert', cause === 'execution' ? 14 : 7],
            ['reopened', issue === null ? 0 : 16],
            ['linked-bug', issue === null ? 0 : 14],
          ]);
    const signals: string[] = [];
    if (!context.hasCriteria) signals.push('no-acceptance-criteria');
    if (context.contextMissing && context.hasCriteria)
      signals.push('criteria-present-but-churn-or-thin');
    if (cause === 'missing_context' && context.hasCriteria)
      signals.push('contrary:criteria-present');
    if (cause === 'execution' && !context.hasCriteria) signals.push('contrary:no-criteria');
    const truth: GroundTruthItem = {
      id: `rw-${String(++this.nextIds.truth).padStart(6, '0')}`,
      kind,
      cause,
      team: team.name,
      period: '',
      rework: { repo: null, pullRequests: [], workItems: [], incidentIssue: null },
      origin: {
        repo: state.repo.name,
        pullRequests: [pr.number],
        workItems: issue === null ? [] : [issue.key],
      },
      modifiesOriginLines: false,
      onlyAddsTests: false,
      signals,
    };
    const expectation = random.chance(cause === 'missing_context' ? 0.75 : 0.2);
    signals.push(expectation ? 'text:expectation' : 'text:fault');
    const problem = expectation ? expectationText(random, noun) : faultText(random, noun);

    // Reopened: the origin ticket goes back from Done, no new PR.
    if (kind === 'reopened' && issue !== null) {
      const at = mergedAt + random.skewed(4, 0.6) * dayMs;
      issue.events.push(
        { at, by: human.jiraAccountId, kind: 'status', to: 'progress' },
        {
          at: at + random.skewed(30, 0.5) * hourMs,
          by: human.jiraAccountId,
          kind: 'status',
          to: 'done',
        },
      );
      issue.comments.push({
        at: at - hourMs,
        by: random.pick(context.reviewers).jiraAccountId,
        text: `Reopening: ${problem}`,
      });
      truth.period = periodOf(at);
      truth.rework.workItems.push(issue.key);
      context.truths.push(truth);
      return;
    }

    // A bug ticket for fixes, linked bugs and (sometimes) incidents.
    let bugKey: string | null = null;
    // A hotfix starts soon after the incident it answers.
    const fixStart =
      incidentPlan !== null
        ? incidentPlan.at + (0.4 + random.skewed(1.5, 0.5)) * hourMs
        : mergedAt +
          (kind === 'revert' ? random.skewed(5, 0.7) * hourMs : random.skewed(7, 0.6) * dayMs);
    if (incidentPlan !== null) signals.push(`incident:${incidentPlan.style}`);
    const withBug = issue !== null && (kind === 'linked-bug' || random.chance(0.55));
    if (withBug) {
      bugKey = this.nextKey(team.projectKey);
      const linkId = String(this.id('link'));
      issue.links.push({ id: linkId, typeName: 'Causes', direction: 'outward', otherKey: bugKey });
      const links: SimIssueLink[] = [
        { id: linkId, typeName: 'Causes', direction: 'inward', otherKey: issue.key },
      ];
      const reporter = random.pick(context.reviewers);
      context.workItems.push(
        this.build({
          id: this.id('issue'),
          key: bugKey,
          projectKey: team.projectKey,
          issueType: 'Bug',
          created: incidentPlan === null ? fixStart - 3 * hourMs : incidentPlan.at + 15 * 60_000,
          reporterId: reporter.jiraAccountId,
          assigneeId: human.jiraAccountId,
          summary: problem.split(/[.:]/)[0]?.slice(0, 90) ?? problem,
          description: [{ type: 'paragraph', text: problem }],
          criteria: null,
          storyPoints: null,
          labels: kind === 'incident' ? ['incident-followup'] : [],
          epicKey: issue.epicKey,
          comments: [],
          links,
          events: [
            { at: fixStart, by: human.jiraAccountId, kind: 'status', to: 'progress' },
            { at: fixStart + 2 * dayMs, by: human.jiraAccountId, kind: 'status', to: 'done' },
          ],
        }),
      );
      truth.rework.workItems.push(bugKey);
    }

    let ops: CodeOp[];
    let title: string;
    let labels: string[] = [];
    if (kind === 'revert') {
      ops = [{ kind: 'revert-pr', originNumber: pr.number }];
      title = `Revert "${pr.title}"`;
      signals.push(
        cause === 'execution' && random.chance(0.6) ? 'failed-deploy' : 'reverted-by-request',
      );
      truth.modifiesOriginLines = true;
    } else {
      // A hotfix changes the code that broke (so a later deployment in the window cannot take the blame).
      const onlyTests =
        kind === 'linked-bug'
          ? random.chance(0.5)
          : random.chance(cause === 'execution' ? 0.15 : 0.05) && kind !== 'incident';
      ops = [];
      if (onlyTests || code.length === 0) {
        ops.push({
          kind: 'add-function',
          // Into the origin's test file, else the area's current one (a single catch-all file would grow without end).
          ...(tests[0] === undefined ? this.fileFor(state, noun, true) : { path: tests[0].path }),
          fnId: this.nextFnId++,
          length: random.int(4, 8),
          isTest: true,
        });
        truth.onlyAddsTests = true;
        signals.push('fix-only-adds-tests');
      } else {
        const targets = random.sample(code, cause === 'execution' ? 1 : random.int(1, 2));
        for (const target of targets) {
          const lines = random
            .sample(
              range(1, target.length - 2),
              cause === 'execution' ? random.int(1, 2) : random.int(2, 4),
            )
            .sort((a, b) => a - b);
          ops.push({
            kind: 'modify-lines',
            path: target.path,
            fnId: target.fnId,
            lines,
            version: this.nextFnId++,
          });
        }
        const rewritesTests =
          tests.length > 0 && random.chance(cause === 'missing_context' ? 0.6 : 0.15);
        if (rewritesTests && tests[0] !== undefined) {
          ops.push({
            kind: 'modify-lines',
            path: tests[0].path,
            fnId: tests[0].fnId,
            lines: [random.int(1, Math.max(1, tests[0].length - 2))],
            version: this.nextFnId++,
          });
          signals.push('fix-rewrites-test-expectations');
        } else if (random.chance(0.5)) {
          ops.push({
            kind: 'add-function',
            ...(tests[0] === undefined ? this.fileFor(state, noun, true) : { path: tests[0].path }),
            fnId: this.nextFnId++,
            length: random.int(4, 7),
            isTest: true,
          });
          signals.push('fix-adds-test');
        }
        truth.modifiesOriginLines = true;
      }
      const fixKey = bugKey ?? (random.chance(0.3) ? (issue?.key ?? null) : null);
      const subject = problem.split(/[.:]/)[0]?.toLowerCase().slice(0, 70) ?? 'fix';
      title =
        kind === 'incident'
          ? `hotfix: ${subject}`
          : random.pick([
              `fix: ${subject}`,
              `Fix ${subject}`,
              `${fixKey ?? 'fix'}: ${subject}`,
              `bugfix: ${subject}`,
            ]);
      labels = random.chance(0.6) ? [random.pick(['bug', 'fix', 'hotfix'])] : [];
    }
    const reworkPr = this.newPullRequest(random, state, {
      title,
      key: bugKey,
      created: fixStart,
      author: human.githubLogin,
      authorPerson: human,
      agent: false,
      isBot: false,
      reviewers: context.reviewers,
      noun,
      large: false,
      rubberStamp: false,
      clarify: false,
      ops,
      trivialLongReview: false,
      labels,
      bodyExtra:
        kind === 'revert'
          ? `\n\nReverts ${this.skeleton.organization}/${state.repo.name}#${pr.number}\n\nThis reverts commit {{origin}}.`
          : bugKey === null
            ? ''
            : `\n\nFixes ${bugKey}`,
      reviewDelayHours: kind === 'revert' || kind === 'incident' ? 0.3 : undefined,
    });
    if (reworkPr.state !== 'MERGED' || reworkPr.landing === null || reworkPr.mergedAt === null) {
      // A rework PR must land: make it merged (the fate draw stays consumed for determinism).
      reworkPr.state = 'MERGED';
      reworkPr.mergedAt = reworkPr.closedAt;
      reworkPr.landing = {
        id: 0,
        committedAt: reworkPr.closedAt ?? new Date(fixStart).toISOString(),
        message: `${title} (#${reworkPr.number})`,
        authorName: human.displayName,
        authorEmail: human.email,
      };
    }
    if (kind === 'revert') {
      reworkPr.files = pr.files.map((file) => ({
        path: file.path,
        additions: file.deletions,
        deletions: file.additions,
        changeType: 'MODIFIED',
      }));
      for (const commit of reworkPr.commits)
        commit.message = `${title}\n\nThis reverts commit {{origin}}.`;
      if (state.repo.strategy === 'squash')
        reworkPr.landing.message = `${title} (#${reworkPr.number})\n\nThis reverts commit {{origin}}.`;
    }
    truth.period = periodOf(Date.parse(reworkPr.mergedAt ?? reworkPr.createdAt));
    truth.rework.repo = state.repo.name;
    truth.rework.pullRequests.push(reworkPr.number);
    const landAt = Date.parse(reworkPr.mergedAt ?? reworkPr.createdAt);
    const entry: Pending = { landAt, pr: reworkPr, truth };
    if (incidentPlan !== null) {
      const pointer =
        incidentPlan.style === 'names-pr'
          ? ` Suspect #${pr.number}.`
          : incidentPlan.style === 'names-work-item' && issue !== null
            ? ` Looks related to ${issue.key}.`
            : '';
      entry.incident = {
        title: fill(random, random.pick(incidentTitles), noun).replace(
          'the service',
          state.repo.name,
        ),
        body: `${problem}\n\nStarted after the deploy of ${state.repo.name}.${pointer}`,
        at: incidentPlan.at,
      };
    }
    this.pending.push(entry);
  }

  /**
   * When an incident after `shipped` (the deployment that shipped its origin) starts, and what it
   * says about its cause: it names the PR or the ticket, or only follows the deployment (the
   * window rule must find it), sometimes after a later deployment too, so two deployments are
   * suspects and only the hotfix's line trace tells them apart. Null when it would fall after
   * the generated period.
   */
  private planIncident(
    random: Random,
    repo: string,
    shipped: ScheduledDeployment,
    issue: { key: string } | null,
  ): { at: number; style: IncidentLinkStyle } | null {
    const windowMs = 72 * hourMs;
    const later = this.deployAfter(repo, shipped.at + 1);
    const gap = Math.min(windowMs, (later?.at ?? shipped.at + windowMs) - shipped.at);
    const afterLater = later === undefined ? undefined : this.deployAfter(repo, later.at + 1);
    const style = random.weighted<IncidentLinkStyle>([
      ['names-pr', 35],
      ['names-work-item', issue === null ? 0 : 15],
      ['window', 35],
      ['window-after-later-deploy', later !== undefined && gap < 60 * hourMs ? 18 : 0],
    ]);
    let at: number;
    if (style === 'window-after-later-deploy' && later !== undefined) {
      const until = Math.min(shipped.at + windowMs, afterLater?.at ?? Number.POSITIVE_INFINITY);
      at = later.at + 20 * 60_000 + random.next() * Math.max(0, until - later.at - 60 * 60_000);
    } else {
      at = shipped.at + 20 * 60_000 + random.next() * Math.max(0, gap - 60 * 60_000);
    }
    if (at > monthStart(demoMonths) - 4 * dayMs) return null;
    return { at, style };
  }

  private deployments(
    pullRequests: GenPullRequest[],
    tips: Map<string, number | null>,
    start: number,
    end: number,
  ): GenDeployment[] {
    const deployments: GenDeployment[] = [];
    for (const state of this.repos.values()) {
      const landed = pullRequests.filter(
        (pr) => pr.repo === state.repo.name && pr.landing !== null && pr.mergedAt !== null,
      );
      let cursor = 0;
      let tip = tips.get(state.repo.name) ?? null;
      for (const deploy of this.schedule.get(state.repo.name) ?? []) {
        if (deploy.at < start) continue;
        if (deploy.at >= end) break;
        while (cursor < landed.length && Date.parse(landed[cursor]?.mergedAt ?? '') <= deploy.at)
          tip = landed[cursor++]?.landing?.id ?? tip;
        if (tip === null) continue;
        const at = new Date(deploy.at).toISOString();
        deployments.push({
          repo: state.repo.name,
          databaseId: this.id('deploy'),
          environment: 'production',
          commitId: tip,
          ref: 'main',
          creator: 'github-actions',
          createdAt: at,
          statuses: [
            {
              databaseId: this.id('deploy'),
              state: 'IN_PROGRESS',
              description: 'Deploying',
              createdAt: at,
            },
            {
              databaseId: this.id('deploy'),
              state: deploy.failed ? 'FAILURE' : 'SUCCESS',
              description: deploy.failed ? 'Health check failed' : 'Deployed',
              createdAt: new Date(deploy.at + 9 * 60_000).toISOString(),
            },
          ],
        });
      }
    }
    return deployments;
  }
}

function fileStats(ops: CodeOp[]): SimChangedFile[] {
  const byPath = new Map<string, SimChangedFile>();
  const touch = (path: string, additions: number, deletions: number, added: boolean): void => {
    const file = byPath.get(path) ?? {
      path,
      additions: 0,
      deletions: 0,
      changeType: added ? 'ADDED' : 'MODIFIED',
    };
    file.additions += additions;
    file.deletions += deletions;
    byPath.set(path, file);
  };
  for (const op of ops) {
    if (op.kind === 'add-function') touch(op.path, op.length + 1, 0, op.newFile === true);
    else if (op.kind === 'modify-lines') touch(op.path, op.lines.length, op.lines.length, false);
    else if (op.kind === 'delete-function') touch(op.path, 0, 1, false);
  }
  return [...byPath.values()];
}

/** How much code a PR adds: functions, their length range, over how many layers of the area, with or without a migration. */
interface CodeShape {
  functions: number;
  lengths: readonly [number, number];
  parts: number;
  migration: boolean;
}

const codeLayers = ['api', 'model', 'service', 'store', 'events', 'jobs'];

/**
 * The area a file belongs to: the noun's first word, a layer of it (`invoice api`), or its
 * schema migrations, which live under `migrations/` as real projects keep them.
 */
function areaOf(noun: string, part: string): string {
  const base = noun.split(' ')[0] ?? 'core';
  if (part === '') return base;
  if (part === 'migration') return `migrations/${base}`;
  if (part === 'migration rollback') return `migrations/${base} rollback`;
  return `${base} ${part}`;
}

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const range = (low: number, high: number): number[] =>
  Array.from({ length: Math.max(0, high - low + 1) }, (_, index) => low + index);
