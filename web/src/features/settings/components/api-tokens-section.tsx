import './users-section.css';
import { useState, type SyntheticEvent } from 'react';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { describeError } from '../../../lib/send-json';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/users';

/** Your API tokens for automation: the secret is shown once, right after it is made. */
export function ApiTokensSection() {
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ name: name.trim() }, { onSuccess: () => setName('') });
  };

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Your API tokens</h2>
      <p className="muted">
        For scripts and exports: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts
        as you, with your role.
      </p>
      {create.isSuccess && (
        <p role="status" className="token-once">
          Copy it now, it will not be shown again: <code>{create.data.token}</code>
        </p>
      )}
      {tokens.isError ? (
        <ErrorPanel what="Your tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data === undefined ? (
        <Skeleton label="Loading your tokens" height={80} />
      ) : tokens.data.tokens.length === 0 ? (
        <p>No tokens yet.</p>
      ) : (
        <table className="data-table" aria-label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{token.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
                <td>
                  {token.revokedAt === null ? (
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(token.id)}
                    >
                      Revoke {token.name}
                    </button>
                  ) : (
                    'revoked'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" aria-label="Create an API token" onSubmit={submit}>
        <label>
          Token name
          <input value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <button type="submit" className="button" disabled={create.isPending || name.trim() === ''}>
          Create token
        </button>
        {(create.isError || revoke.isError) && (
          <p role="alert" className="error-panel">
            {describeError((create.error ?? revoke.error) as Error)}
          </p>
        )}
      </form>
    </section>
  );
}
