import { z } from 'zod';

/**
 * zod schemas for the Jira responses the connector reads, Cloud (v3) and Data Center (v2).
 * Issues are parsed one by one so that a malformed issue is quarantined, not its whole page.
 */

/** Jira timestamps (`2026-01-05T09:00:00.000+0000`) normalised to ISO 8601 UTC. */
export const jiraTimestamp = z.string().transform((value, context) => {
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(time)) {
    context.addIssue({
      code: 'custom',
      message: `not a timestamp: ${JSON.stringify(value.slice(0, 40))}`,
    });
    return z.NEVER;
  }
  return new Date(time).toISOString();
});

export const jiraUserSchema = z.object({
  accountId: z.string().optional(),
  key: z.string().optional(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  accountType: z.string().optional(),
});
export type JiraUserPayload = z.infer<typeof jiraUserSchema>;

export const historyItemSchema = z.object({
  field: z.string(),
  fieldtype: z.string().optional(),
  fieldId: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

export const historySchema = z.object({
  id: z.string(),
  author: jiraUserSchema.nullish(),
  created: jiraTimestamp,
  items: z.array(historyItemSchema),
});
export type JiraHistoryPayload = z.infer<typeof historySchema>;

const keyRef = z.object({ key: z.string() });

export const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z
    .object({
      summary: z.string(),
      issuetype: z.object({ name: z.string(), subtask: z.boolean().optional() }),
      project: z.object({ key: z.string() }),
      status: z.object({
        id: z.string(),
        name: z.string(),
        statusCategory: z.object({ key: z.string() }),
      }),
      created: jiraTimestamp,
      updated: jiraTimestamp,
      resolutiondate: jiraTimestamp.nullish(),
      resolution: z.object({ name: z.string() }).nullish(),
      description: z.unknown().optional(),
      labels: z.array(z.string()).default([]),
      components: z.array(z.object({ name: z.string() })).default([]),
      fixVersions: z.array(z.object({ name: z.string() })).default([]),
      assignee: jiraUserSchema.nullish(),
      reporter: jiraUserSchema.nullish(),
      parent: keyRef.optional(),
      subtasks: z.array(keyRef).default([]),
      issuelinks: z
        .array(
          z.object({
            id: z.string(),
            type: z.object({ name: z.string(), inward: z.string(), outward: z.string() }),
            inwardIssue: keyRef.optional(),
            outwardIssue: keyRef.optional(),
          }),
        )
        .default([]),
      comment: z
        .object({
          comments: z.array(
            z.object({
              id: z.string(),
              author: jiraUserSchema.nullish(),
              body: z.unknown(),
              created: jiraTimestamp,
              updated: jiraTimestamp.optional(),
            }),
          ),
        })
        .optional(),
    })
    .catchall(z.unknown()),
  changelog: z
    .object({
      startAt: z.number().optional(),
      maxResults: z.number().optional(),
      total: z.number(),
      histories: z.array(historySchema),
    })
    .optional(),
});
export type JiraIssuePayload = z.infer<typeof issueSchema>;

/** The envelope of a search page; issues stay unknown until parsed one by one. */
export const cloudSearchPageSchema = z.object({
  issues: z.array(z.unknown()),
  nextPageToken: z.string().optional(),
  isLast: z.boolean().optional(),
});

export const dataCenterSearchPageSchema = z.object({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  issues: z.array(z.unknown()),
});

export const changelogPageSchema = z.object({
  startAt: z.number(),
  maxResults: z.number(),
  total: z.number(),
  isLast: z.boolean().optional(),
  values: z.array(historySchema),
});

export const serverInfoSchema = z.object({
  deploymentType: z.string().optional(),
  version: z.string().optional(),
});

export const fieldListSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    custom: z.boolean().optional(),
    schema: z
      .object({
        type: z.string().optional(),
        custom: z.string().optional(),
        items: z.string().optional(),
      })
      .optional(),
  }),
);
export type JiraFieldPayload = z.infer<typeof fieldListSchema>[number];

export const statusListSchema = z.array(
  z.object({ id: z.string(), name: z.string(), statusCategory: z.object({ key: z.string() }) }),
);

export const boardPageSchema = z.object({
  startAt: z.number().optional(),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
  values: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      type: z.string(),
      location: z.object({ projectKey: z.string().optional() }).optional(),
    }),
  ),
});

export const sprintPageSchema = z.object({
  startAt: z.number().optional(),
  isLast: z.boolean().optional(),
  values: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      state: z.string(),
      startDate: jiraTimestamp.optional(),
      endDate: jiraTimestamp.optional(),
      completeDate: jiraTimestamp.optional(),
      originBoardId: z.number().optional(),
      goal: z.string().optional(),
    }),
  ),
});
