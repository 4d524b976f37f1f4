import { z } from 'zod';
import { repoFullNameSchema } from './pull-requests.js';

/**
 * Teams: `GET /api/teams`, `PUT /api/teams` (replace every team), `PUT /api/teams/:slug` (one
 * team), and the `TEAMS_FILE` YAML, which has the same shape as the `PUT /api/teams` body.
 */
export const teamSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case slug such as payments or core-api');

/** A date (`2026-03-01`, midnight UTC) or an ISO 8601 instant with an offset. */
export const dateOrInstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date (YYYY-MM-DD) or an ISO 8601 date-time',
});

/**
 * One membership period of one person. The person is named by any of their identities (resolved
 * through the identity table) or by the person id directly. `from` inclusive, `to` exclusive;
 * absent = since always / still a member. A person who moves teams has a `to` in one team and the
 * same date as `from` in the other, so records keep the team they were made in.
 */
export const teamMemberInputSchema = z
  .object({
    github: z.string().min(1).optional().describe('GitHub login'),
    jiraAccountId: z
      .string()
      .min(1)
      .optional()
      .describe('Jira accountId (Cloud) or user key (Data Center)'),
    email: z.email().optional().describe('e-mail of a GitHub or Jira identity'),
    personId: z.string().min(1).optional(),
    from: dateOrInstantSchema.optional(),
    to: dateOrInstantSchema.optional(),
  })
  .strict()
  .refine(
    (member) =>
      member.github !== undefined ||
      member.jiraAccountId !== undefined ||
      member.email !== undefined ||
      member.personId !== undefined,
    {
      message: 'a member needs github, jiraAccountId, email or personId',
      path: ['github'],
    },
  )
  .refine(
    (member) =>
      member.from === undefined ||
      member.to === undefined ||
      Date.parse(member.from) < Date.parse(member.to),
    {
      message: 'to must be after from',
      path: ['to'],
    },
  );
export type TeamMemberInput = z.infer<typeof teamMemberInputSchema>;

const jiraProjectKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]+$/, 'expected a Jira project key such as PAY');

/** `PUT /api/teams/:slug` body. */
export const teamUpdateSchema = z
  .object({
    name: z.string().trim().min(1),
    members: z.array(teamMemberInputSchema).default([]),
    repositories: z.array(repoFullNameSchema).default([]),
    jiraProjects: z.array(jiraProjectKeySchema).default([]),
  })
  .strict();
export type TeamUpdate = z.infer<typeof teamUpdateSchema>;

export const teamInputSchema = teamUpdateSchema.extend({ slug: teamSlugSchema });
export type TeamInput = z.infer<typeof teamInputSchema>;

/** The `TEAMS_FILE` YAML and the `PUT /api/teams` body. */
export const teamsConfigSchema = z
  .object({ teams: z.array(teamInputSchema) })
  .strict()
  .refine((config) => new Set(config.teams.map((team) => team.slug)).size === config.teams.length, {
    message: 'team slugs must be unique',
    path: ['teams'],
  });
export type TeamsConfig = z.infer<typeof teamsConfigSchema>;

export const teamMemberSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  githubLogins: z.array(z.string()),
  jiraAccountIds: z.array(z.string()),
  /** Inclusive, ISO 8601 UTC; null = since always. */
  from: z.iso.datetime().nullable(),
  /** Exclusive; null = still a member. */
  to: z.iso.datetime().nullable(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  slug: teamSlugSchema,
  name: z.string(),
  members: z.array(teamMemberSchema),
  repositories: z.array(z.string()),
  jiraProjects: z.array(z.string()),
  /** Members given in the configuration that match no known identity yet (kept, resolved on the next save or start). */
  unresolved: z.array(z.string()),
  /** The same members as configured (every account and date they name), so an editor saves them back whole. */
  unresolvedMembers: z.array(teamMemberInputSchema),
});
export type Team = z.infer<typeof teamSchema>;

export const teamsResponseSchema = z.object({ teams: z.array(teamSchema) });
export type TeamsResponse = z.infer<typeof teamsResponseSchema>;
