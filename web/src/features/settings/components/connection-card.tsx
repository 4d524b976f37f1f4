import type { ConnectionSummary, ConnectionSystem } from '@rework-radar/shared';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { useTestConnection } from '../api/connections';
import { describeError } from '../../../lib/send-json';
import { GithubConnectionForm, JiraConnectionForm } from './connection-forms';

const names: Record<ConnectionSystem, string> = { github: 'GitHub', jira: 'Jira' };

const sourceText: Record<ConnectionSummary['source'], string> = {
  environment: 'Environment variables (they win over settings saved here)',
  settings: 'Saved in settings',
  none: 'Not configured',
};

/** One connection: where it points, a check against the service, and a form to change it. */
export function ConnectionCard({
  system,
  summary,
}: {
  system: ConnectionSystem;
  summary: ConnectionSummary | undefined;
}) {
  const test = useTestConnection(system);
  const [editing, setEditing] = useState(false);
  const name = names[system];
  return (
    <article className="settings-connection" aria-labelledby={`connection-${system}`}>
      <h3 id={`connection-${system}`}>{name}</h3>
      <dl className="facts-inline">
        <dt>Source</dt>
        <dd>{sourceText[summary?.source ?? 'none']}</dd>
        <dt>URL</dt>
        <dd>{summary?.baseUrl ?? '—'}</dd>
        <dt>{system === 'github' ? 'Repositories' : 'Projects'}</dt>
        <dd>{summary?.scope ?? '—'}</dd>
        <dt>Credentials</dt>
        <dd>{summary?.credentialKind ?? 'none'}</dd>
        <dt>Webhook secret</dt>
        <dd>{summary?.webhookSecretSet === true ? 'set' : 'not set'}</dd>
        {summary?.updatedAt != null && (
          <>
            <dt>Updated</dt>
            <dd>{formatDateTime(summary.updatedAt)}</dd>
          </>
        )}
      </dl>
      <div className="settings-actions">
        <button
          type="button"
          className="button"
          disabled={summary?.configured !== true || test.isPending}
          onClick={() => test.mutate()}
        >
          {test.isPending ? 'Testing…' : `Test ${name} connection`}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={editing}
          onClick={() => setEditing((open) => !open)}
        >
          {editing ? `Close ${name} form` : `Edit ${name} connection`}
        </button>
      </div>
      <p role="status" className={test.data?.ok === false ? 'settings-bad' : undefined}>
        {test.isError
          ? `Test failed: ${describeError(test.error)}`
          : test.data === undefined
            ? ''
            : `${test.data.ok ? 'Connected' : 'Failed'}: ${test.data.message}`}
      </p>
      {editing &&
        (system === 'github' ? (
          <GithubConnectionForm current={summary} />
        ) : (
          <JiraConnectionForm current={summary} />
        ))}
    </article>
  );
}
