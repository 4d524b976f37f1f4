import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../../lib/api-client';
import { currentUserKey, useCurrentUser } from '../../../lib/api/current-user';
import { signIn, useAuthProviders } from '../api/session';
import '../auth.css';

/** Only paths inside this app: a `next` pointing elsewhere would make this an open redirect. */
function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/overview';
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 401) return 'The e-mail or the password is wrong.';
    if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
    return error.message;
  }
  return 'The server could not be reached. Try again.';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const providers = useAuthProviders();
  // Single sign-on comes back with `?error=` when the provider or the account check refused.
  const [error, setError] = useState<string | null>(() => {
    const refused = params.get('error');
    return refused === null ? null : `Single sign-on did not work: ${refused}.`;
  });
  const [busy, setBusy] = useState(false);

  if (me.data) return <Navigate to={next} replace />;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const text = (name: string) => {
        const value = form.get(name);
        return typeof value === 'string' ? value : '';
      };
      const user = await signIn({ email: text('email'), password: text('password') });
      queryClient.clear();
      queryClient.setQueryData(currentUserKey, user);
      void navigate(next, { replace: true });
    } catch (caught) {
      setError(reasonOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const oidc = providers.data?.oidc ?? null;
  return (
    <main className="sign-in" id="main">
      <section className="sign-in__card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <span className="shell__logo" aria-hidden="true" /> Sign in to Rework Radar
        </h1>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <label>
            E-mail
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          {error !== null && (
            <p role="alert" className="sign-in__error">
              {error}
            </p>
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        {oidc !== null && (
          <a
            className="button button--secondary sign-in__sso"
            href={`${oidc.startUrl}?next=${encodeURIComponent(next)}`}
          >
            Sign in with single sign-on
          </a>
        )}
        <p className="sign-in__hint">
          First start? The admin e-mail and password were printed once in the terminal running{' '}
          <code>npm start</code> (or set <code>ADMIN_EMAIL</code> and <code>ADMIN_PASSWORD</code>).
        </p>
      </section>
    </main>
  );
}
