import { analysisEntities } from '../analysis/storage/analysis-entities';
import { Identity } from '../identity/identity.entity';
import { Person } from '../identity/person.entity';
import { PullRequestWorkItem } from '../linking/pull-request-work-item.entity';
import { githubEntities } from '../sources/github/domain/github-entities';
import { jiraDomainEntities } from '../sources/jira/domain/jira-domain.entities';
import { RawPayload } from '../sources/raw/raw-payload.entity';
import { QuarantinedRecord } from '../sources/sync-state/quarantined-record.entity';
import { MetricRollup } from '../metrics/metric-rollup.entity';
import { MetricRollupScope } from '../metrics/metric-rollup-scope.entity';
import { teamEntities } from '../teams/team.entity';
import { SyncCheckpoint } from '../sources/sync-state/sync-checkpoint.entity';
import { JobRun } from '../jobs/job-run.entity';
import { authEntities } from '../auth/auth.entities';
import { AuditEventRow } from '../audit/audit-event.entity';
import { ConnectionSetting } from '../connections/connection-setting.entity';

/** Every entity of the schema; each feature adds its own here. */
export const entities = [
  RawPayload,
  Person,
  Identity,
  SyncCheckpoint,
  QuarantinedRecord,
  ...githubEntities,
  ...jiraDomainEntities,
  PullRequestWorkItem,
  ...analysisEntities,
  ...teamEntities,
  MetricRollup,
  MetricRollupScope,
  JobRun,
  ...authEntities,
  AuditEventRow,
  ConnectionSetting,
];
