import { z } from 'zod';

/**
 * Connections to GitHub and Jira, as settings show them: `GET /api/connections`,
 * `PUT /api/connections/github|jira` (admin; credentials are stored encrypted and never returned)
 * and `POST /api/connections/github|jira/test` (checks the credentials against the service).
 */
export const connectionSystemSchema = z.enum(['github', 'jira']);
export type ConnectionSystem = z.infer<typeof connectionSystemSchema>;

export const connectionSummarySchema = z.object({
  system: connectionSystemSchema,
  /** Where the connection comes from: environment variables win over stored settings. */
  source: z.enum(['environment', 'settings', 'none']),
  configured: z.boolean(),
  /** REST base URL (GitHub, GitHub Enterprise) or site URL (Jira Cloud, Data Center). */
  baseUrl: z.string().nullable(),
  /** What is synced: `org acme; repos acme/api` or `projects PAY, CORE; jql …`. */
  scope: z.string().nullable(),
  /** `token`, `github-app`, `cloud-api-token` or `datacenter-pat`; never the secret itself. */
  credentialKind: z.string().nullable(),
  webhookSecretSet: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type ConnectionSummary = z.infer<typeof connectionSummarySchema>;

export const connectionsResponseSchema = z.object({
  connections: z.array(connectionSummarySchema),
});
export type ConnectionsResponse = z.infer<typeof connectionsResponseSchema>;

export const githubConnectionInputSchema = z
  .object({
    apiUrl: z.url().default('https://api.github.com'),
    token: z.string().min(1),
    org: z.string().min(1).optional(),
    repos: z.array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected owner/name')).default([]),
    webhookSecret: z.string().min(1).optional(),
  })
  .strict()
  .refine((input) => input.org !== undefined || input.repos.length > 0, {
    message: 'name an organisation or at least one repository',
    path: ['org'],
  });
export type GithubConnectionInput = z.infer<typeof githubConnectionInputSchema>;

export const jiraConnectionInputSchema = z
  .object({
    baseUrl: z.url(),
    deployment: z.enum(['cloud', 'datacenter']).optional(),
    email: z.email().optional(),
    apiToken: z.string().min(1).optional(),
    pat: z.string().min(1).optional(),
    projects: z.array(z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'expected a project key')).default([]),
    jql: z.string().min(1).optional(),
    webhookSecret: z.string().min(1).optional(),
  })
  .strict()
  .refine((input) => input.pat !== undefined || (input.email && input.apiToken), {
    message: 'give email and apiToken (Cloud) or pat (Data Center)',
    path: ['apiToken'],
  })
  .refine((input) => input.projects.length > 0 || input.jql !== undefined, {
    message: 'name at least one project or a JQL filter',
    path: ['projects'],
  });
export type JiraConnectionInput = z.infer<typeof jiraConnectionInputSchema>;

export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  /** One sentence for the settings page: who we are signed in as, or what went wrong. */
  message: z.string(),
  checkedAt: z.iso.datetime(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;
