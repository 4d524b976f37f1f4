import type { DataSource, EntityManager } from 'typeorm';
import { storeRawPayload } from '../raw/raw-payload.store';
import type { JiraApiClient, JiraResponse } from './jira-api.client';
import { boardPageSchema, sprintPageSchema } from './jira-payload.schemas';
import { upsertRows, type UpsertSpec } from './domain/upsert-rows';

/**
 * Collect + extract + convert for Jira Software boards and sprints (start, end, complete dates):
 * each page stored raw and written in one transaction. Boards are limited to the configured
 * projects when there are any.
 */
interface BoardRow {
  id: string;
  boardId: number;
  name: string;
  type: string;
  projectKey: string | null;
  rawPayloadId: string;
}
interface SprintRow {
  id: string;
  sprintId: number;
  boardId: number | null;
  name: string;
  state: string;
  startAt: Date | null;
  endAt: Date | null;
  completeAt: Date | null;
  goal: string | null;
  rawPayloadId: string;
}

const boardSpec: UpsertSpec<BoardRow> = {
  table: 'board',
  columns: [
    ['id', (r) => r.id],
    ['board_id', (r) => r.boardId],
    ['name', (r) => r.name],
    ['type', (r) => r.type],
    ['project_key', (r) => r.projectKey],
    ['raw_payload_id', (r) => r.rawPayloadId],
  ],
};
export const sprintSpec: UpsertSpec<SprintRow> = {
  table: 'sprint',
  columns: [
    ['id', (r) => r.id],
    ['sprint_id', (r) => r.sprintId],
    ['board_id', (r) => r.boardId],
    ['name', (r) => r.name],
    ['state', (r) => r.state],
    ['start_at', (r) => r.startAt],
    ['end_at', (r) => r.endAt],
    ['complete_at', (r) => r.completeAt],
    ['goal', (r) => r.goal],
    ['raw_payload_id', (r) => r.rawPayloadId],
  ],
};

async function storeAgile(
  manager: EntityManager,
  scope: string,
  response: JiraResponse,
): Promise<string> {
  const stored = await storeRawPayload(manager, {
    source: 'jira',
    endpoint: response.endpoint,
    requestParams: response.requestParams,
    scope,
    sourceIds: [],
    etag: null,
    httpStatus: 200,
    fetchedAt: new Date(),
    payload: response.body as object,
  });
  return stored.id;
}

export function boardRowsOf(body: unknown, rawPayloadId: string): BoardRow[] {
  return boardPageSchema.parse(body).values.map((board) => ({
    id: `jira:board:${board.id}`,
    boardId: board.id,
    name: board.name,
    type: board.type,
    projectKey: board.location?.projectKey ?? null,
    rawPayloadId,
  }));
}

export function sprintRowsOf(body: unknown, boardId: number, rawPayloadId: string): SprintRow[] {
  return sprintPageSchema.parse(body).values.map((sprint) => ({
    id: `jira:sprint:${sprint.id}`,
    sprintId: sprint.id,
    boardId: sprint.originBoardId ?? boardId,
    name: sprint.name,
    state: sprint.state,
    startAt: sprint.startDate === undefined ? null : new Date(sprint.startDate),
    endAt: sprint.endDate === undefined ? null : new Date(sprint.endDate),
    completeAt: sprint.completeDate === undefined ? null : new Date(sprint.completeDate),
    goal: sprint.goal === undefined || sprint.goal === '' ? null : sprint.goal,
    rawPayloadId,
  }));
}

export async function collectAgile(
  dataSource: DataSource,
  client: JiraApiClient,
  scope: string,
  projects: readonly string[],
): Promise<{ boards: number; sprints: number }> {
  const boards: BoardRow[] = [];
  for (let startAt = 0; ;) {
    const response = await client.boards(startAt);
    const page = boardPageSchema.parse(response.body);
    const rows = await dataSource.transaction(async (manager) => {
      const rawId = await storeAgile(manager, scope, response);
      const wanted = boardRowsOf(response.body, rawId).filter(
        (board) =>
          projects.length === 0 ||
          (board.projectKey !== null && projects.includes(board.projectKey)),
      );
      await upsertRows(manager, boardSpec, wanted);
      return wanted;
    });
    boards.push(...rows);
    startAt += page.values.length;
    if (
      page.values.length === 0 ||
      page.isLast === true ||
      (page.total !== undefined && startAt >= page.total)
    )
      break;
  }
  let sprints = 0;
  for (const board of boards) {
    if (board.type !== 'scrum') continue;
    for (let startAt = 0; ;) {
      const response = await client.sprints(board.boardId, startAt);
      const page = sprintPageSchema.parse(response.body);
      await dataSource.transaction(async (manager) => {
        const rawId = await storeAgile(manager, scope, response);
        await upsertRows(manager, sprintSpec, sprintRowsOf(response.body, board.boardId, rawId));
      });
      sprints += page.values.length;
      startAt += page.values.length;
      if (page.values.length === 0 || page.isLast !== false) break;
    }
  }
  return { boards: boards.length, sprints };
}
