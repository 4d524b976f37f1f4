import type { Role } from '@rework-radar/shared';

const labels: Record<Role, string> = {
  admin: 'Admin',
  vp: 'VP',
  director: 'Director',
  manager: 'Engineering manager',
};

export const labelOfRole = (role: Role): string => labels[role];
