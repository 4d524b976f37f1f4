import { useState } from 'react';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useTeams } from '../../../lib/api/get-teams';
import { TeamEditor } from './team-editor';
import { UnmatchedIdentities } from './unmatched-identities';

/** Teams with members, repositories and projects, editable; and identities no team covers. */
export function TeamsSection() {
  const teams = useTeams();
  // undefined: no form open; null: a new team; a slug: that team.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const edited =
    typeof editing === 'string'
      ? teams.data?.teams.find((team) => team.slug === editing)
      : undefined;
  return (
    <section className="card" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams and identity mapping</h2>
      {teams.isError ? (
        <ErrorPanel what="Teams" error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data === undefined ? (
        <Skeleton label="Loading teams" height={120} />
      ) : (
        <>
          {teams.data.teams.length === 0 ? (
            <p className="muted">No team is defined yet.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-label="Teams">
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    <th scope="col">Members</th>
                    <th scope="col">Repositories</th>
                    <th scope="col">Jira projects</th>
                    <th scope="col">Unmatched members</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {teams.data.teams.map((team) => (
                    <tr key={team.slug}>
                      <th scope="row">{team.name}</th>
                      <td>{team.members.map((member) => member.displayName).join(', ') || '—'}</td>
                      <td>{team.repositories.join(', ') || '—'}</td>
                      <td>{team.jiraProjects.join(', ') || '—'}</td>
                      <td>{team.unresolved.length === 0 ? 'none' : team.unresolved.join(', ')}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => setEditing(team.slug)}
                        >
                          Edit {team.name}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {editing === undefined ? (
            <div className="settings-actions">
              <button type="button" className="button" onClick={() => setEditing(null)}>
                New team
              </button>
            </div>
          ) : (
            <TeamEditor key={editing ?? 'new'} team={edited} onDone={() => setEditing(undefined)} />
          )}
        </>
      )}
      <UnmatchedIdentities />
    </section>
  );
}
