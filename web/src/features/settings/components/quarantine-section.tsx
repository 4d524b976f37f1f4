import { useState } from 'react';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { formatDateTime } from '../../../lib/format';
import { useQuarantine } from '../api/settings-lists';
import { CursorPager } from './cursor-pager';

/** Records a sync could not read, kept with the reason rather than dropped silently. */
export function QuarantineSection() {
  const [trail, setTrail] = useState<(string | undefined)[]>([undefined]);
  const quarantine = useQuarantine(trail.at(-1));
  return (
    <section className="card" aria-labelledby="quarantine-title">
      <h2 id="quarantine-title">Quarantine</h2>
      {quarantine.isError ? (
        <ErrorPanel
          what="The quarantine"
          error={quarantine.error}
          onRetry={() => void quarantine.refetch()}
        />
      ) : quarantine.data === undefined ? (
        <Skeleton label="Loading the quarantine" height={80} />
      ) : quarantine.data.total === 0 ? (
        <p className="muted">No record has been quarantined: every payload synced was readable.</p>
      ) : (
        <>
          <p>
            {quarantine.data.total} record{quarantine.data.total === 1 ? '' : 's'} could not be read
            and {quarantine.data.total === 1 ? 'was' : 'were'} set aside.
          </p>
          <div className="table-scroll">
            <table className="data-table" aria-label="Quarantined records">
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Raw payload</th>
                  <th scope="col">Quarantined</th>
                </tr>
              </thead>
              <tbody>
                {quarantine.data.items.map((record) => (
                  <tr key={record.id}>
                    <th scope="row">
                      {record.source} {record.kind} {record.sourceId}
                    </th>
                    <td>{record.reason}</td>
                    <td>{record.rawPayloadId ?? '—'}</td>
                    <td>{formatDateTime(record.quarantinedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CursorPager
            label="Quarantine pages"
            trail={trail}
            nextCursor={quarantine.data.nextCursor}
            onChange={setTrail}
          />
        </>
      )}
    </section>
  );
}
