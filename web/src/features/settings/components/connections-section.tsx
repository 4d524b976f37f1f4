import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { formatDateTime } from '../../../lib/format';
import { useConnections } from '../api/connections';
import { useDatabaseStatus, useSourceStatus } from '../api/get-connection-status';
import { ConnectionCard } from './connection-card';

/** Where the data comes from and where it is kept; GitHub and Jira can be tested and changed. */
export function ConnectionsSection() {
  const database = useDatabaseStatus();
  const source = useSourceStatus();
  const connections = useConnections();
  return (
    <section className="card" aria-labelledby="connections-title">
      <h2 id="connections-title">Connections</h2>
      {source.isError ? (
        <ErrorPanel
          what="The source status"
          error={source.error}
          onRetry={() => void source.refetch()}
        />
      ) : source.data === undefined ? (
        <Skeleton label="Loading connections" height={80} />
      ) : (
        <dl className="facts-inline">
          <dt>GitHub and Jira</dt>
          <dd>
            {source.data.enabled
              ? 'Demo organisation: generated data served by the built-in GitHub and Jira simulators. ' +
                'To use your own, set GITHUB_TOKEN and/or JIRA_BASE_URL and restart, or restart with ' +
                'DEMO=false to save connections below (the demo keeps its own database).'
              : 'Configured by environment variables (GITHUB_TOKEN or GitHub App, JIRA_BASE_URL and credentials).'}
          </dd>
          {source.data.enabled && (
            <>
              <dt>Demo load</dt>
              <dd>
                <span role="status">
                  {source.data.state === 'loading'
                    ? `Loading: ${source.data.message ?? source.data.stage ?? 'starting'}${
                        source.data.done !== null && source.data.total !== null
                          ? ` (${source.data.done}/${source.data.total})`
                          : ''
                      }`
                    : source.data.state === 'ready'
                      ? `Ready${source.data.finishedAt === null ? '' : ` since ${formatDateTime(source.data.finishedAt)}`}: ${source.data.message ?? ''}`
                      : source.data.state === 'failed'
                        ? `Failed: ${source.data.message ?? 'unknown error'}`
                        : 'Disabled'}
                </span>
              </dd>
            </>
          )}
        </dl>
      )}
      {database.data !== undefined && (
        <dl className="facts-inline">
          <dt>Database</dt>
          <dd>
            {database.data.database.engine === 'embedded'
              ? 'Embedded PostgreSQL'
              : 'External PostgreSQL (DATABASE_URL)'}
            , {database.data.database.serverVersion ?? 'unreachable'}
          </dd>
        </dl>
      )}
      {connections.isError ? (
        <ErrorPanel
          what="The connections"
          error={connections.error}
          onRetry={() => void connections.refetch()}
        />
      ) : connections.data === undefined ? (
        <Skeleton label="Loading the GitHub and Jira connections" height={120} />
      ) : (
        <div className="grid-2">
          {(['github', 'jira'] as const).map((system) => (
            <ConnectionCard
              key={system}
              system={system}
              summary={connections.data.connections.find((entry) => entry.system === system)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
