import type { ConnectionSummary } from '@rework-radar/shared';
import { useId, useState, type SyntheticEvent } from 'react';
import { useSaveConnection, type ConnectionInput } from '../api/connections';
import { describeError } from '../../../lib/send-json';

/** `a, b\nc` -> `['a', 'b', 'c']`. */
const listOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

const optional = (text: string): string | undefined =>
  text.trim() === '' ? undefined : text.trim();

function Field({
  label,
  name,
  type = 'text',
  defaultValue,
  hint,
  required = false,
}: {
  label: string;
  name: string;
  type?: 'text' | 'password' | 'url' | 'email';
  defaultValue?: string;
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        // Secrets are typed, never shown back: the browser must not offer to fill them either.
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
      />
      {hint !== undefined && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}

function SaveState({ save }: { save: ReturnType<typeof useSaveConnection> }) {
  if (save.isError)
    return (
      <p role="alert" className="error-panel">
        Not saved: {describeError(save.error)}
      </p>
    );
  return <p role="status">{save.isSuccess ? 'Saved. Test the connection to check it.' : ''}</p>;
}

function useSubmit(toInput: (form: FormData) => ConnectionInput) {
  const save = useSaveConnection();
  const [formKey, setFormKey] = useState(0);
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(toInput(new FormData(event.currentTarget)), {
      // A fresh form: typed secrets do not linger in the page after they were sent.
      onSuccess: () => setFormKey((key) => key + 1),
    });
  };
  return { save, onSubmit, formKey };
}

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** GitHub credentials and scope. The token is required on every save: it is never read back. */
export function GithubConnectionForm({ current }: { current: ConnectionSummary | undefined }) {
  const { save, onSubmit, formKey } = useSubmit((form) => ({
    system: 'github',
    input: {
      apiUrl: optional(text(form, 'apiUrl')) ?? 'https://api.github.com',
      token: text(form, 'token'),
      org: optional(text(form, 'org')),
      repos: listOf(text(form, 'repos')),
      webhookSecret: optional(text(form, 'webhookSecret')),
    },
  }));
  return (
    <form
      key={formKey}
      aria-label="GitHub connection"
      className="settings-form"
      onSubmit={onSubmit}
    >
      <Field
        label="API URL"
        name="apiUrl"
        type="url"
        defaultValue={current?.baseUrl ?? 'https://api.github.com'}
        hint="GitHub Enterprise: https://host/api/v3"
      />
      <Field
        label="Token"
        name="token"
        type="password"
        required
        hint="Stored encrypted; never shown again."
      />
      <Field label="Organisation" name="org" />
      <Field label="Repositories" name="repos" hint="owner/name, separated by commas or spaces" />
      <Field label="Webhook secret" name="webhookSecret" type="password" />
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save GitHub connection'}
      </button>
      <SaveState save={save} />
    </form>
  );
}

/** Jira Cloud (email + API token) or Data Center (personal access token), and what to sync. */
export function JiraConnectionForm({ current }: { current: ConnectionSummary | undefined }) {
  const deploymentId = useId();
  const { save, onSubmit, formKey } = useSubmit((form) => {
    const deployment = text(form, 'deployment');
    return {
      system: 'jira',
      input: {
        baseUrl: text(form, 'baseUrl'),
        deployment: deployment === 'cloud' || deployment === 'datacenter' ? deployment : undefined,
        email: optional(text(form, 'email')),
        apiToken: optional(text(form, 'apiToken')),
        pat: optional(text(form, 'pat')),
        projects: listOf(text(form, 'projects')),
        jql: optional(text(form, 'jql')),
        webhookSecret: optional(text(form, 'webhookSecret')),
      },
    };
  });
  return (
    <form key={formKey} aria-label="Jira connection" className="settings-form" onSubmit={onSubmit}>
      <Field
        label="Site URL"
        name="baseUrl"
        type="url"
        required
        defaultValue={current?.baseUrl ?? ''}
      />
      <div className="settings-field">
        <label htmlFor={deploymentId}>Deployment</label>
        <select id={deploymentId} name="deployment" defaultValue="">
          <option value="">Detect from the server</option>
          <option value="cloud">Cloud</option>
          <option value="datacenter">Data Center</option>
        </select>
      </div>
      <Field label="Email" name="email" type="email" hint="Cloud: with an API token" />
      <Field label="API token" name="apiToken" type="password" />
      <Field label="Personal access token" name="pat" type="password" hint="Data Center" />
      <Field label="Projects" name="projects" hint="project keys, separated by commas or spaces" />
      <Field label="JQL filter" name="jql" />
      <Field label="Webhook secret" name="webhookSecret" type="password" />
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save Jira connection'}
      </button>
      <SaveState save={save} />
    </form>
  );
}
