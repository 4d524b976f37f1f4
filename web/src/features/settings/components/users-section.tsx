import './users-section.css';
import { roleSchema, type Role, type UserSummary } from '@rework-radar/shared';
import { useState, type SyntheticEvent } from 'react';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { describeError } from '../../../lib/send-json';
import { labelOfRole } from '../../../lib/labels';
import { useCreateUser, useUpdateUser, useUsers } from '../api/users';

const teamList = (text: string) =>
  text
    .split(',')
    .map((team) => team.trim())
    .filter((team) => team !== '');

function UserRow({ user }: { user: UserSummary }) {
  const update = useUpdateUser();
  return (
    <tr>
      <th scope="row">
        {user.displayName}
        <div className="muted">{user.email}</div>
      </th>
      <td>
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={update.isPending}
          onChange={(event) =>
            update.mutate({ id: user.id, change: { role: roleSchema.parse(event.target.value) } })
          }
        >
          {roleSchema.options.map((role) => (
            <option key={role} value={role}>
              {labelOfRole(role)}
            </option>
          ))}
        </select>
      </td>
      <td>{user.role === 'manager' ? user.teamSlugs.join(', ') || 'no teams yet' : 'all'}</td>
      <td>{user.signsInWith.join(', ') || 'nothing yet'}</td>
      <td>
        <button
          type="button"
          className="button button--secondary"
          disabled={update.isPending}
          onClick={() =>
            update.mutate({ id: user.id, change: { disabled: user.disabledAt === null } })
          }
        >
          {user.disabledAt === null ? `Disable ${user.email}` : `Enable ${user.email}`}
        </button>
        {update.isError && (
          <p role="alert" className="error-panel">
            {describeError(update.error)}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Accounts and roles (admins): who may see which teams, and who may change settings. */
export function UsersSection() {
  const users = useUsers();
  const create = useCreateUser();
  const [role, setRole] = useState<Role>('director');

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const password = text('password');
    create.mutate(
      {
        email: text('email'),
        displayName: text('displayName'),
        role,
        teamSlugs: role === 'manager' ? teamList(text('teams')) : [],
        ...(password === '' ? {} : { password }),
      },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">People and roles</h2>
      <p className="muted">
        VPs and directors read every team; engineering managers read their own teams and set the
        cause of their rework; admins also change settings. Changing a role signs that person out.
      </p>
      {users.isError ? (
        <ErrorPanel what="The accounts" error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data === undefined ? (
        <Skeleton label="Loading the accounts" height={120} />
      ) : (
        <table className="data-table" aria-label="Accounts">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">Teams</th>
              <th scope="col">Signs in with</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" aria-label="Add a person" onSubmit={submit}>
        <label>
          E-mail
          <input name="email" type="email" required autoComplete="off" />
        </label>
        <label>
          Name
          <input name="displayName" required autoComplete="off" />
        </label>
        <label>
          Role
          <select value={role} onChange={(event) => setRole(roleSchema.parse(event.target.value))}>
            {roleSchema.options.map((option) => (
              <option key={option} value={option}>
                {labelOfRole(option)}
              </option>
            ))}
          </select>
        </label>
        {role === 'manager' && (
          <label>
            Teams (slugs, comma-separated)
            <input name="teams" autoComplete="off" />
          </label>
        )}
        <label>
          Password (leave empty for single sign-on only)
          <input name="password" type="password" autoComplete="new-password" minLength={12} />
        </label>
        <button type="submit" className="button" disabled={create.isPending}>
          Add person
        </button>
        {create.isError && (
          <p role="alert" className="error-panel">
            {describeError(create.error)}
          </p>
        )}
        {create.isSuccess && <p role="status">{create.data.email} can sign in now.</p>}
      </form>
    </section>
  );
}
