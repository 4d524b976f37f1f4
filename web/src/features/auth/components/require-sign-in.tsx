import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useCurrentUser } from '../../../lib/api/current-user';

const teamScopedPaths = ['/overview', '/rework', '/review-calibration', '/quarterly'];

/**
 * Shows the app to signed-in people only; others go to the sign-in page and come back after.
 * Engineering managers see their own teams, so their views open on their first team.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  const location = useLocation();
  const [params] = useSearchParams();
  if (me.isPending) {
    return <Skeleton label="Checking your sign-in" height={120} />;
  }
  if (me.isError) {
    return <ErrorPanel what="Your sign-in" error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  const firstTeam = me.data.teamSlugs[0];
  const needsTeam =
    me.data.role === 'manager' &&
    firstTeam !== undefined &&
    !params.has('team') &&
    teamScopedPaths.some((path) => location.pathname.startsWith(path));
  if (needsTeam) {
    const withTeam = new URLSearchParams(params);
    withTeam.set('team', firstTeam);
    return <Navigate to={`${location.pathname}?${withTeam.toString()}`} replace />;
  }
  return children;
}
