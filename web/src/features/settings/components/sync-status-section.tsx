import { jobStates } from '@rework-radar/shared';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { formatDateTime } from '../../../lib/format';
import { describeError } from '../../../lib/send-json';
import { useStartReanalysis, useStartSync, useSyncStatus, type SyncFeed } from '../api/sync-status';

const feedText: Record<SyncFeed, string> = {
  live: 'Live (server-sent events)',
  polling: 'Refreshed every 5 s',
  connecting: 'Connecting…',
};

/** Jobs per queue and state, the latest jobs with their errors, updating as workers run them. */
export function SyncStatusSection() {
  const status = useSyncStatus();
  const start = useStartSync();
  const reanalyse = useStartReanalysis();
  return (
    <section className="card" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync status</h2>
      <div className="settings-actions">
        <p className="muted">{feedText[status.feed]}</p>
        <button
          type="button"
          className="button"
          disabled={start.isPending}
          onClick={() => start.mutate()}
        >
          Sync now
        </button>
        <button
          type="button"
          className="button"
          disabled={reanalyse.isPending}
          title="Every rework item analysed again with the current rules, then the dashboard's numbers"
          onClick={() => reanalyse.mutate()}
        >
          Re-analyse all
        </button>
      </div>
      <p role="status">
        {start.isError
          ? `Not queued: ${describeError(start.error)}`
          : start.data === undefined
            ? ''
            : `Queued ${start.data.jobs.filter((job) => job.id !== null).length} job(s); ${start.data.jobs.filter((job) => job.id === null).length} already waiting.`}
      </p>
      <p role="status" aria-label="Re-analysis">
        {reanalyse.isError
          ? `Re-analysis not queued: ${describeError(reanalyse.error)}`
          : reanalyse.data === undefined
            ? ''
            : reanalyse.data.jobs.some((job) => job.id !== null)
              ? 'Re-analysis queued; a worker runs it after any running sync steps.'
              : 'A re-analysis is already waiting.'}
      </p>
      {status.isError ? (
        <ErrorPanel what="Sync status" error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data === undefined ? (
        <Skeleton label="Loading the sync status" height={120} />
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table" aria-label="Jobs per queue">
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  {jobStates.map((state) => (
                    <th scope="col" className="num" key={state}>
                      {state}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {status.data.queues.map((queue) => (
                  <tr key={queue.queue}>
                    <th scope="row">{queue.queue}</th>
                    {jobStates.map((state) => (
                      <td className="num" key={state}>
                        {queue.counts[state]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {status.data.jobs.length === 0 ? (
            <p className="muted">No sync job has run yet.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-label="Latest jobs">
                <thead>
                  <tr>
                    <th scope="col">Job</th>
                    <th scope="col">State</th>
                    <th scope="col">Queued</th>
                    <th scope="col">Finished</th>
                    <th scope="col" className="num">
                      Retries
                    </th>
                    <th scope="col">Error</th>
                  </tr>
                </thead>
                <tbody>
                  {status.data.jobs.slice(0, 10).map((job) => (
                    <tr key={job.id}>
                      <th scope="row">
                        {job.queue}
                        {job.scope === null ? '' : ` ${job.scope}`}
                      </th>
                      <td>{job.state}</td>
                      <td>{formatDateTime(job.createdOn)}</td>
                      <td>{job.completedOn === null ? '—' : formatDateTime(job.completedOn)}</td>
                      <td className="num">{job.retryCount}</td>
                      <td>{job.error ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
