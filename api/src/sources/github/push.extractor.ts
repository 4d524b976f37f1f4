import { z } from 'zod';
import { coAuthorsOf } from './agent-detection';
import type { PushCommit } from './domain/push.entity';
import type { Extraction } from './github-records';

/** Reads: a `push` webhook payload. Writes: a typed push record, or the reason it was rejected. */

export interface GithubPushRecord {
  repository: string;
  defaultBranch: string | null;
  ref: string;
  before: string;
  after: string;
  created: boolean;
  deleted: boolean;
  forced: boolean;
  pusherLogin: string | null;
  pushedAt: string | null;
  commits: PushCommit[];
}

const person = z
  .object({
    name: z.string().nullish(),
    email: z.string().nullish(),
    username: z.string().nullish(),
  })
  .nullish();

const pushPayload = z.object({
  ref: z.string(),
  before: z.string(),
  after: z.string(),
  created: z.boolean().default(false),
  deleted: z.boolean().default(false),
  forced: z.boolean().default(false),
  repository: z.object({ full_name: z.string(), default_branch: z.string().nullish() }),
  pusher: z.object({ name: z.string().nullish() }).nullish(),
  sender: z.object({ login: z.string() }).nullish(),
  head_commit: z.object({ timestamp: z.string().nullish() }).nullish(),
  commits: z
    .array(
      z.object({
        id: z.string(),
        message: z.string(),
        timestamp: z.string().nullish(),
        author: person,
      }),
    )
    .default([]),
});

export function extractPush(payload: unknown): Extraction<GithubPushRecord> {
  const parsed = pushPayload.safeParse(payload);
  if (!parsed.success) {
    const after = (payload as { after?: unknown } | null)?.after;
    return {
      records: [],
      rejected: [
        {
          kind: 'push',
          sourceId: typeof after === 'string' ? after : 'unknown',
          reason: parsed.error.issues
            .slice(0, 3)
            .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
            .join('; '),
        },
      ],
    };
  }
  const push = parsed.data;
  return {
    records: [
      {
        repository: push.repository.full_name,
        defaultBranch: push.repository.default_branch ?? null,
        ref: push.ref,
        before: push.before,
        after: push.after,
        created: push.created,
        deleted: push.deleted,
        forced: push.forced,
        pusherLogin: push.sender?.login ?? push.pusher?.name ?? null,
        pushedAt: push.head_commit?.timestamp ?? push.commits.at(-1)?.timestamp ?? null,
        commits: push.commits.map((commit) => ({
          sha: commit.id,
          message: commit.message,
          timestamp: commit.timestamp ?? null,
          authorName: commit.author?.name ?? null,
          authorEmail: commit.author?.email ?? null,
          authorLogin: commit.author?.username ?? null,
          coAuthors: coAuthorsOf(commit.message).map(
            (coAuthor) => `${coAuthor.name} <${coAuthor.email}>`,
          ),
        })),
      },
    ],
    rejected: [],
  };
}
