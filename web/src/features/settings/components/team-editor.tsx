import { teamSlugSchema, type Team } from '@rework-radar/shared';
import { useId, useState, type SyntheticEvent } from 'react';
import { useSaveTeam } from '../api/put-team';
import { describeError } from '../../../lib/send-json';
import {
  formToUpdate,
  identityKinds,
  newRowKey,
  teamToForm,
  type IdentityKind,
  type MemberRow,
  type TeamFormValues,
} from './team-form-model';

const kindLabels: Record<IdentityKind, string> = {
  github: 'GitHub login',
  jira: 'Jira account id',
  email: 'E-mail',
  person: 'Person id',
};

function MemberRowFields({
  row,
  index,
  onChange,
  onRemove,
}: {
  row: MemberRow;
  index: number;
  onChange: (row: MemberRow) => void;
  onRemove: () => void;
}) {
  const who = row.displayName === '' ? `member ${index + 1}` : row.displayName;
  return (
    <tr>
      <td>
        {row.kind === 'person' && row.displayName !== '' ? (
          <span>{row.displayName}</span>
        ) : (
          <div className="settings-inline">
            <select
              aria-label={`Identity kind of ${who}`}
              value={row.kind}
              onChange={(event) => onChange({ ...row, kind: event.target.value as IdentityKind })}
            >
              {identityKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabels[kind]}
                </option>
              ))}
            </select>
            <input
              aria-label={`Identity of ${who}`}
              value={row.value}
              onChange={(event) => onChange({ ...row, value: event.target.value })}
            />
          </div>
        )}
      </td>
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

/** Creates or edits one team: members with from/to dates, repositories and Jira projects. */
export function TeamEditor({ team, onDone }: { team: Team | undefined; onDone: () => void }) {
  const ids = { slug: useId(), name: useId(), repos: useId(), projects: useId() };
  const [values, setValues] = useState<TeamFormValues>(() => teamToForm(team));
  const [slug, setSlug] = useState(team?.slug ?? '');
  const save = useSaveTeam();
  const slugCheck = teamSlugSchema.safeParse(slug);
  const setRow = (key: string, row: MemberRow) =>
    setValues((current) => ({
      ...current,
      members: current.members.map((entry) => (entry.key === key ? row : entry)),
    }));
  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!slugCheck.success) return;
    save.mutate({ slug, team: formToUpdate(values) }, { onSuccess: onDone });
  };
  const title = team === undefined ? 'New team' : `Edit team ${team.name}`;
  return (
    <form aria-label={title} className="settings-form" onSubmit={onSubmit}>
      <h3>{title}</h3>
      {team === undefined && (
        <div className="settings-field">
          <label htmlFor={ids.slug}>Slug</label>
          <input
            id={ids.slug}
            value={slug}
            required
            aria-invalid={slug !== '' && !slugCheck.success}
            aria-describedby={`${ids.slug}-hint`}
            onChange={(event) => setSlug(event.target.value)}
          />
          <small id={`${ids.slug}-hint`} className="muted">
            {slug !== '' && !slugCheck.success
              ? slugCheck.error.issues[0]?.message
              : 'lower case, e.g. payments or core-api; used in links'}
          </small>
        </div>
      )}
      <div className="settings-field">
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          value={values.name}
          required
          onChange={(event) => setValues({ ...values, name: event.target.value })}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {values.members.map((row, index) => (
              <MemberRowFields
                key={row.key}
                row={row}
                index={index}
                onChange={(next) => setRow(row.key, next)}
                onRemove={() =>
                  setValues((current) => ({
                    ...current,
                    members: current.members.filter((entry) => entry.key !== row.key),
                  }))
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
          onClick={() =>
            setValues((current) => ({
              ...current,
              members: [
                ...current.members,
                { key: newRowKey(), kind: 'github', value: '', displayName: '', from: '', to: '' },
              ],
            }))
          }
        >
          Add member
        </button>
      </div>
      <div className="settings-field">
        <label htmlFor={ids.repos}>Repositories</label>
        <textarea
          id={ids.repos}
          rows={3}
          value={values.repositories}
          onChange={(event) => setValues({ ...values, repositories: event.target.value })}
        />
      </div>
      <div className="settings-field">
        <label htmlFor={ids.projects}>Jira projects</label>
        <input
          id={ids.projects}
          value={values.jiraProjects}
          onChange={(event) => setValues({ ...values, jiraProjects: event.target.value })}
        />
      </div>
      <div className="settings-actions">
        <button type="submit" className="button" disabled={save.isPending || !slugCheck.success}>
          {save.isPending ? 'Saving…' : 'Save team'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      <p role="status">{save.isError ? `Not saved: ${describeError(save.error)}` : ''}</p>
    </form>
  );
}
