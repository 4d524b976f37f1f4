import '../auth.css';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { labelOfRole } from '../../../lib/labels';
import { currentUserKey, useCurrentUser } from '../../../lib/api/current-user';
import { signOut } from '../api/session';

/** Who is signed in, with what role, and the way out. */
export function UserMenu() {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (!me.data) return null;
  const leave = async () => {
    await signOut();
    queryClient.clear();
    queryClient.setQueryData(currentUserKey, null);
    void navigate('/sign-in', { replace: true });
  };
  return (
    <div className="user-menu">
      <span className="user-menu__who" title={me.data.email}>
        {me.data.displayName}
        <span className="user-menu__role">
          {labelOfRole(me.data.role)}
          {me.data.teamSlugs.length > 0 ? ` · ${me.data.teamSlugs.join(', ')}` : ''}
        </span>
      </span>
      <button type="button" className="button button--secondary" onClick={() => void leave()}>
        Sign out
      </button>
    </div>
  );
}
