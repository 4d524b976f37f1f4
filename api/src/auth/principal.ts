import type { CurrentUser, Role } from '@rework-radar/shared';
import type { Request } from 'express';

/** Who is calling, once the access guard has checked the session cookie or the bearer token. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  teamSlugs: string[];
  via: 'session' | 'token';
}

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

export function toCurrentUser(principal: Principal): CurrentUser {
  return {
    id: principal.userId,
    email: principal.email,
    displayName: principal.displayName,
    role: principal.role,
    teamSlugs: principal.teamSlugs,
    via: principal.via,
  };
}
