import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useTeams } from '../../../lib/api/get-teams';

/** Teams with their members, repositories and projects, and members that match no identity. */
export function TeamsSection() {
  const teams = useTeams();
  return (
    <section className="card" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams and identity mapping</h2>
      {teams.isError ? (
        <ErrorPanel what="Teams" error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data === undefined ? (
        <Skeleton label="Loading teams" height={120} />
      ) : teams.data.teams.length === 0 ? (
        <p className="muted">
          No team is defined. Teams come from the TEAMS_FILE configuration or PUT /api/teams;
          editing them here waits for a form.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-label="Teams">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Members</th>
                <th scope="col">Repositories</th>
                <th scope="col">Jira projects</th>
                <th scope="col">Unmatched identities</th>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
