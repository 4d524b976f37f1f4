import { CreateRawPayload1763794800000 } from './1763794800000-create-raw-payload';
import { CreateIdentity1763795400000 } from './1763795400000-create-identity';
import { CreateSyncState1763796000000 } from './1763796000000-create-sync-state';
import { CreateGithubDomain1763800000000 } from './1763800000000-create-github-domain';
import { CreateWorkItems1763810000000 } from './1763810000000-create-work-items';
import { CreatePullRequestWorkItem1763840000000 } from './1763840000000-create-pull-request-work-item';
import { CreateGithubPush1763841000000 } from './1763841000000-create-github-push';
import { CreateAnalysis1763850000000 } from './1763850000000-create-analysis';
import { CreateTeams1763880000000 } from './1763880000000-create-teams';
import { CreateMetricRollup1763881000000 } from './1763881000000-create-metric-rollup';
import { CreateMetricRollupScope1763882000000 } from './1763882000000-create-metric-rollup-scope';
import { MetricRollupKeyWithLabel1763883000000 } from './1763883000000-metric-rollup-key-with-label';
import { CreateJobRun1763890000000 } from './1763890000000-create-job-run';
import { CreateClarificationCounts1764520000000 } from './1764520000000-create-clarification-counts';
import { CreateAccountsAuditConnections1764540000000 } from './1764540000000-create-accounts-audit-connections';
import { ReworkItemEffectiveCause1764560000000 } from './1764560000000-rework-item-effective-cause';
import { PeriodWindowIndexes1764580000000 } from './1764580000000-period-window-indexes';
import { WorkItemContextInProgress1764600000000 } from './1764600000000-work-item-context-in-progress';
import { EffectiveCauseComputedOnce1764610000000 } from './1764610000000-effective-cause-computed-once';
import { MetricInputChanges1764620000000 } from './1764620000000-metric-input-changes';
import { JobRunCompletedIndex1764630000000 } from './1764630000000-job-run-completed-index';

/** Every migration, oldest first. Landed migrations are never edited: add a new one. */
export const migrations = [
  CreateRawPayload1763794800000,
  CreateIdentity1763795400000,
  CreateSyncState1763796000000,
  CreateGithubDomain1763800000000,
  CreateWorkItems1763810000000,
  CreatePullRequestWorkItem1763840000000,
  CreateGithubPush1763841000000,
  CreateAnalysis1763850000000,
  CreateTeams1763880000000,
  CreateMetricRollup1763881000000,
  CreateMetricRollupScope1763882000000,
  MetricRollupKeyWithLabel1763883000000,
  CreateJobRun1763890000000,
  CreateClarificationCounts1764520000000,
  CreateAccountsAuditConnections1764540000000,
  ReworkItemEffectiveCause1764560000000,
  PeriodWindowIndexes1764580000000,
  WorkItemContextInProgress1764600000000,
  EffectiveCauseComputedOnce1764610000000,
  MetricInputChanges1764620000000,
  JobRunCompletedIndex1764630000000,
];
