import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Role } from '@rework-radar/shared';
import { DataSource } from 'typeorm';
import { createAccount, createApiToken } from '../auth/accounts.store';

/**
 * An account of the given role with an API token, made directly in the app's database, and the
 * header that authenticates as it. HTTP specs use it for every route that is not public.
 */
export async function bearerHeaders(
  app: INestApplication,
  role: Role = 'admin',
  teamSlugs: string[] = [],
  email = `${role}-${randomUUID()}@rework-radar.test`,
): Promise<{ Authorization: string }> {
  const manager = app.get(DataSource).manager;
  const account = await createAccount(manager, {
    email,
    displayName: `Test ${role}`,
    role,
    teamSlugs,
    passwordHash: null,
  });
  const { token } = await createApiToken(manager, account.id, 'spec');
  return { Authorization: `Bearer ${token}` };
}
