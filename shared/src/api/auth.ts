import { z } from 'zod';

/**
 * Sign-in, accounts and API tokens. Admins run the installation; VPs and directors read every
 * team; engineering managers read their own teams and set the cause of their teams' rework.
 */
export const roleSchema = z.enum(['admin', 'vp', 'director', 'manager']);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z
  .object({
    email: z.string().trim().min(1).max(320),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const currentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  teamSlugs: z.array(z.string()),
  /** How this request was authenticated. */
  via: z.enum(['session', 'token']),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const authProvidersSchema = z.object({
  password: z.boolean(),
  /** Set when OpenID Connect is configured: where the sign-in button sends the browser. */
  oidc: z.object({ startUrl: z.string(), issuer: z.string() }).nullable(),
});
export type AuthProviders = z.infer<typeof authProvidersSchema>;

export const apiTokenCreateSchema = z
  .object({ name: z.string().trim().min(1, 'give the token a name').max(100) })
  .strict();
export type ApiTokenCreate = z.infer<typeof apiTokenCreateSchema>;

export const apiTokenSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;

/** The answer to creating a token: the only time its secret is shown. */
export const apiTokenCreatedSchema = apiTokenSummarySchema.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSummarySchema) });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

const teamSlugsSchema = z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).max(100);

export const userCreateSchema = z
  .object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(200),
    role: roleSchema,
    teamSlugs: teamSlugsSchema.default([]),
    /** Omit for accounts that sign in only through OpenID Connect. */
    password: z.string().min(12, 'expected at least 12 characters').max(1024).optional(),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    role: roleSchema.optional(),
    teamSlugs: teamSlugsSchema.optional(),
    password: z.string().min(12, 'expected at least 12 characters').max(1024).optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userSummarySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  teamSlugs: z.array(z.string()),
  signsInWith: z.array(z.enum(['password', 'oidc'])),
  createdAt: z.iso.datetime(),
  disabledAt: z.iso.datetime().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userListSchema = z.object({ users: z.array(userSummarySchema) });
export type UserList = z.infer<typeof userListSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListSchema = z.object({
  events: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditList = z.infer<typeof auditListSchema>;
