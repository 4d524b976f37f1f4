import type {
  SimChangedFile,
  SimDeployment,
  SimIssue as SimGithubIssue,
  SimPullRequest,
} from '../../sources/github/simulator/github-dataset';
import type {
  SimIssue as SimJiraIssue,
  SimSprint,
} from '../../sources/jira/simulator/simulator-dataset';
import type { GroundTruthItem } from '../ground-truth';
import type { Language } from './vocabulary';

/**
 * What the streaming generator yields. Commits are named by per-repository commit ids (the git
 * writer's fast-import marks); SHAs exist only once the git history is written, so commit
 * messages that quote a SHA carry a `{{sha:<id>}}` placeholder that the writer and the dataset
 * builder resolve.
 */

export interface GenPerson {
  key: string;
  displayName: string;
  githubLogin: string;
  githubId: number;
  /** Commit email (matched to the GitHub login). */
  email: string;
  jiraAccountId: string;
  jiraName: string;
  jiraDisplayName: string;
  /** Null when the Jira user hides it. */
  jiraEmail: string | null;
  teamIndex: number;
  joinedMonth: number;
}

export interface GenBot {
  login: string;
  githubId: number;
}

export type TeamStory = 'context-first' | 'velocity' | 'steady';

export interface GenTeam {
  index: number;
  name: string;
  projectKey: string;
  story: TeamStory;
  nouns: string[];
  repoNames: string[];
}

export interface GenRepo {
  name: string;
  teamIndex: number;
  language: Language;
  /** How PRs land on main: a merge commit, or one squashed commit. */
  strategy: 'merge' | 'squash';
  databaseId: number;
  createdAt: string;
}

export interface OrgSkeleton {
  seed: number;
  organization: string;
  start: string;
  months: number;
  teams: GenTeam[];
  people: GenPerson[];
  bots: GenBot[];
  repos: GenRepo[];
  /** One Jira scrum board per project with two-week sprints over the whole period. */
  sprints: SimSprint[];
  story: StoryFacts;
}

export interface StoryFacts {
  contextFirstTeam: string;
  contextFirstFromMonth: number;
  contextFirstFrom: string;
  velocityTeam: string;
  velocityFromMonth: number;
  velocityFrom: string;
}

/** One change to a source file, in terms of functions; the git writer renders the text. */
export type CodeOp =
  | {
      kind: 'add-function';
      path: string;
      fnId: number;
      length: number;
      isTest: boolean;
      /** The function opens a file that did not exist (the PR adds the file). */
      newFile?: boolean;
    }
  | { kind: 'modify-lines'; path: string; fnId: number; lines: number[]; version: number }
  | { kind: 'delete-function'; path: string; fnId: number }
  /** Undo every op of an earlier PR's landing commit (a real revert). */
  | { kind: 'revert-pr'; originNumber: number };

export interface GenCommit {
  id: number;
  message: string;
  authoredAt: string;
  authorName: string;
  authorEmail: string;
  authorLogin: string | null;
  ops: CodeOp[];
}

export interface GenPullRequest extends Omit<
  SimPullRequest,
  'commits' | 'mergeCommitSha' | 'files'
> {
  repo: string;
  commits: GenCommit[];
  files: SimChangedFile[];
  /** The commit on main when merged: the merge commit or the squashed commit. */
  landing: {
    id: number;
    message: string;
    committedAt: string;
    authorName: string;
    authorEmail: string;
  } | null;
  workItemKey: string | null;
  isAgent: boolean;
}

export interface GenDeployment extends Omit<SimDeployment, 'sha'> {
  repo: string;
  commitId: number;
}

export interface GenIncident extends SimGithubIssue {
  repo: string;
}

export type OrgEvent =
  | { kind: 'skeleton'; skeleton: OrgSkeleton }
  | {
      kind: 'month';
      month: number;
      /** Which slice of the month (0 when the month is one batch, as at demo sizes). */
      slice: number;
      /** Ordered by landing time within each repository (the order the git writer needs). */
      pullRequests: GenPullRequest[];
      workItems: SimJiraIssue[];
      deployments: GenDeployment[];
      incidents: GenIncident[];
      groundTruth: GroundTruthItem[];
    };
