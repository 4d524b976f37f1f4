import { unmatchedReasons, type UnmatchedReason } from '@rework-radar/shared';
import { useId, useState } from 'react';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useUnmatchedIdentities } from '../api/settings-lists';
import { CursorPager } from './cursor-pager';

const reasonText: Record<UnmatchedReason, string> = {
  not_in_team: 'in no team',
  no_jira_identity: 'no Jira account merged',
};

/** Identities the mapping still misses, so an admin can add them to teams or merge them. */
export function UnmatchedIdentities() {
  const filterId = useId();
  const [reason, setReason] = useState<UnmatchedReason | undefined>(undefined);
  const [trail, setTrail] = useState<(string | undefined)[]>([undefined]);
  const unmatched = useUnmatchedIdentities(reason, trail.at(-1));
  return (
    <section aria-labelledby="unmatched-title">
      <h3 id="unmatched-title">Unmatched identities</h3>
      <p className="muted">
        To join a GitHub account with a Jira account, name both on one member of a team: its GitHub
        login and its Jira account id (what follows jira: here) on the same row.
      </p>
      <div className="settings-field settings-field--inline">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          value={reason ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            setReason(
              (unmatchedReasons as readonly string[]).includes(value)
                ? (value as UnmatchedReason)
                : undefined,
            );
            setTrail([undefined]);
          }}
        >
          <option value="">All unmatched</option>
          <option value="not_in_team">In no team</option>
          <option value="no_jira_identity">GitHub with no Jira account</option>
        </select>
      </div>
      {unmatched.isError ? (
        <ErrorPanel
          what="Unmatched identities"
          error={unmatched.error}
          onRetry={() => void unmatched.refetch()}
        />
      ) : unmatched.data === undefined ? (
        <Skeleton label="Loading unmatched identities" height={80} />
      ) : (
        <>
          <p>
            {unmatched.data.totals.not_in_team} in no team, {unmatched.data.totals.no_jira_identity}{' '}
            GitHub accounts with no Jira account merged.
          </p>
          {unmatched.data.items.length === 0 ? (
            <p className="muted">Every identity is mapped.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-label="Unmatched identities">
                <thead>
                  <tr>
                    <th scope="col">Identity</th>
                    <th scope="col">Name</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {unmatched.data.items.map((identity) => (
                    <tr key={identity.id}>
                      <th scope="row">{identity.id}</th>
                      <td>{identity.displayName ?? '—'}</td>
                      <td>{identity.email ?? '—'}</td>
                      <td>{identity.reasons.map((entry) => reasonText[entry]).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <CursorPager
            label="Unmatched identity pages"
            trail={trail}
            nextCursor={unmatched.data.nextCursor}
            onChange={setTrail}
          />
        </>
      )}
    </section>
  );
}
