import { useId } from 'react';
import { emptyMemberRow, type MemberRow } from './team-form-model';

type MembersUpdate = (update: (members: MemberRow[]) => MemberRow[]) => void;

const accountInputs = [
  { field: 'github', label: 'GitHub login', type: 'text' },
  { field: 'jiraAccountId', label: 'Jira account id', type: 'text' },
  { field: 'email', label: 'E-mail', type: 'email' },
] as const;

function MemberRowFields({
  row,
  index,
  jiraHintId,
  onChange,
  onRemove,
}: {
  row: MemberRow;
  index: number;
  jiraHintId: string;
  onChange: (row: MemberRow) => void;
  onRemove: () => void;
}) {
  const who = row.displayName === '' ? `member ${index + 1}` : row.displayName;
  return (
    <tr>
      <th scope="row">
        {row.displayName === '' ? `Member ${index + 1}` : row.displayName}
        {row.personId !== '' && (
          <>
            <br />
            <small className="muted">{row.personId}</small>
          </>
        )}
      </th>
      {accountInputs.map(({ field, label, type }) => (
        <td key={field}>
          <input
            type={type}
            aria-label={`${label}, ${who}`}
            aria-describedby={field === 'jiraAccountId' ? jiraHintId : undefined}
            value={row[field]}
            onChange={(event) => onChange({ ...row, [field]: event.target.value })}
          />
        </td>
      ))}
      <td>
        <input
          type="date"
          aria-label={`From, ${who}`}
          value={row.from}
          onChange={(event) => onChange({ ...row, from: event.target.value })}
        />
      </td>
      <td>
        <input
          type="date"
          aria-label={`To, ${who}`}
          value={row.to}
          onChange={(event) => onChange({ ...row, to: event.target.value })}
        />
      </td>
      <td>
        <button type="button" className="button button--secondary" onClick={onRemove}>
          Remove {who}
        </button>
      </td>
    </tr>
  );
}

/**
 * The members of the team form, one person a row. The accounts named on one row are joined into
 * one person by the api: the only way to pair a GitHub login with a Jira account when GitHub
 * shows no e-mail.
 */
export function TeamMemberRows({
  members,
  onChange,
}: {
  members: MemberRow[];
  onChange: MembersUpdate;
}) {
  const jiraHintId = useId();
  return (
    <>
      <p className="muted">
        Name each member by any of their accounts, at least one; a row with none is not saved. The
        accounts on one row count as one person: their Jira tickets count with their pull requests.
      </p>
      <p id={jiraHintId} className="muted">
        Jira account id: on Jira Cloud the accountId (the end of the profile address,
        …/jira/people/accountId); on Data Center the user key (often the username). Unmatched
        identities below show it after jira:.
      </p>
      <div className="table-scroll">
        <table className="data-table settings-members" aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              {accountInputs.map(({ field, label }) => (
                <th key={field} scope="col">
                  {label}
                </th>
              ))}
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((row, index) => (
              <MemberRowFields
                key={row.key}
                row={row}
                index={index}
                jiraHintId={jiraHintId}
                onChange={(next) =>
                  onChange((current) =>
                    current.map((entry) => (entry.key === row.key ? next : entry)),
                  )
                }
                onRemove={() =>
                  onChange((current) => current.filter((entry) => entry.key !== row.key))
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        A move between teams: a To date here and the same day as From in the other team.
      </p>
      <div className="settings-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange((current) => [...current, emptyMemberRow()])}
        >
          Add member
        </button>
      </div>
    </>
  );
}
