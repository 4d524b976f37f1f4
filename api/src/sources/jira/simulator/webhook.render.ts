import { createHmac } from 'node:crypto';
import { renderHistory, renderIssue, type RenderContext } from './issue.render';
import type { JiraSimulatorDataset, SimIssue, SimSprint } from './simulator-dataset';

/**
 * Webhook deliveries as Jira sends them: the issue in REST v2 shape (wiki text bodies, no
 * changelog inside), the triggering changelog entry beside it, signed with `X-Hub-Signature`.
 */
export interface SimWebhookDelivery {
  headers: Record<string, string>;
  rawBody: string;
}

function context(dataset: JiraSimulatorDataset): RenderContext {
  return {
    dataset,
    deployment: 'datacenter',
    baseUrl: 'https://acme.atlassian.net',
    usersById: new Map(dataset.users.map((user) => [user.id, user])),
  };
}

function signed(body: object, secret: string, deliveryId: string): SimWebhookDelivery {
  const rawBody = JSON.stringify(body);
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-atlassian-webhook-identifier': deliveryId,
      'x-hub-signature': `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`,
    },
  };
}

export function issueWebhook(
  dataset: JiraSimulatorDataset,
  event: 'jira:issue_created' | 'jira:issue_updated' | 'jira:issue_deleted',
  issue: SimIssue,
  secret: string,
  deliveryId: string,
): SimWebhookDelivery {
  const ctx = context(dataset);
  const { changelog: _omitted, ...rendered } = renderIssue(ctx, issue, 0) as {
    changelog?: unknown;
  };
  const last = issue.histories.at(-1);
  const history =
    last === undefined ? undefined : (renderHistory(ctx, last) as { id: string; items: unknown[] });
  return signed(
    {
      timestamp: Date.parse(issue.updated),
      webhookEvent: event,
      issue_event_type_name: event === 'jira:issue_created' ? 'issue_created' : 'issue_generic',
      user: last === undefined ? undefined : { accountId: last.authorId },
      issue: rendered,
      ...(event === 'jira:issue_updated' && history !== undefined
        ? { changelog: { id: history.id, items: history.items } }
        : {}),
    },
    secret,
    deliveryId,
  );
}

export function sprintWebhook(
  event:
    'sprint_created' | 'sprint_updated' | 'sprint_started' | 'sprint_closed' | 'sprint_deleted',
  sprint: SimSprint,
  secret: string,
  deliveryId: string,
): SimWebhookDelivery {
  return signed(
    {
      timestamp: Date.now(),
      webhookEvent: event,
      sprint: {
        id: sprint.id,
        state: sprint.state,
        name: sprint.name,
        originBoardId: sprint.boardId,
        ...(sprint.startDate === null ? {} : { startDate: sprint.startDate }),
        ...(sprint.endDate === null ? {} : { endDate: sprint.endDate }),
        ...(sprint.completeDate === null ? {} : { completeDate: sprint.completeDate }),
        ...(sprint.goal === null ? {} : { goal: sprint.goal }),
      },
    },
    secret,
    deliveryId,
  );
}
