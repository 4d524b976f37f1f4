import { teamSlugSchema, type Team } from '@rework-radar/shared';
import { useId, useState, type SyntheticEvent } from 'react';
import { useSaveTeam } from '../api/put-team';
import { describeError } from '../../../lib/send-json';
import { formToUpdate, teamToForm, type TeamFormValues } from './team-form-model';
import { TeamMemberRows } from './team-member-rows';

/** Creates or edits one team: members by their accounts and dates, repositories and Jira projects. */
export function TeamEditor({ team, onDone }: { team: Team | undefined; onDone: () => void }) {
  const ids = { slug: useId(), name: useId(), repos: useId(), projects: useId() };
  const [values, setValues] = useState<TeamFormValues>(() => teamToForm(team));
  const [slug, setSlug] = useState(team?.slug ?? '');
  const save = useSaveTeam();
  const slugCheck = teamSlugSchema.safeParse(slug);
  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!slugCheck.success) return;
    save.mutate({ slug, team: formToUpdate(values) }, { onSuccess: onDone });
  };
  const title = team === undefined ? 'New team' : `Edit team ${team.name}`;
  return (
    <form aria-label={title} className="settings-form settings-form--wide" onSubmit={onSubmit}>
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
      <TeamMemberRows
        members={values.members}
        onChange={(update) =>
          setValues((current) => ({ ...current, members: update(current.members) }))
        }
      />
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
