import {
  unmatchedReasons,
  type UnmatchedIdentity,
  type UnmatchedPage,
  type UnmatchedQuery,
} from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { cursorScope, decodeCursor } from '../../read-api/cursor';
import { keysetPage } from '../../read-api/keyset-page';

export class UnmatchedCursorError extends Error {}

interface Row {
  id: string;
  system: 'github' | 'jira';
  external_id: string;
  display_name: string | null;
  email: string | null;
  person_id: string | null;
  not_in_team: boolean;
  no_jira_identity: boolean;
}

/** Every non-bot identity with its reasons, in one place for the page and the totals. */
const classified = `
  SELECT i.id, i.system, i.external_id, i.display_name, i.email, i.person_id,
         NOT EXISTS (SELECT 1 FROM team_membership m WHERE m.person_id = i.person_id) AS not_in_team,
         (i.system = 'github' AND NOT EXISTS (
            SELECT 1 FROM identity j WHERE j.system = 'jira' AND j.person_id = i.person_id
         )) AS no_jira_identity
  FROM identity i
  WHERE NOT i.is_bot`;

/** One page of unmatched identities ordered by id, with the totals per reason. */
export async function listUnmatchedIdentities(
  dataSource: DataSource,
  query: UnmatchedQuery,
): Promise<UnmatchedPage> {
  const scope = cursorScope('identities/unmatched', { reason: query.reason });
  const after = query.cursor === undefined ? null : decodeCursor(scope, query.cursor);
  if (query.cursor !== undefined && after === null)
    throw new UnmatchedCursorError('cursor is not one this api handed out for these filters');
  const reasonFilter =
    query.reason === undefined ? '(c.not_in_team OR c.no_jira_identity)' : `c.${query.reason}`;
  const rows = await dataSource.query<Row[]>(
    `SELECT * FROM (${classified}) c
     WHERE ${reasonFilter} AND ($1::text IS NULL OR c.id > $1)
     ORDER BY c.id LIMIT $2`,
    [after === null ? null : String(after[0]), query.limit + 1],
  );
  const totals = await dataSource.query<{ not_in_team: string; no_jira_identity: string }[]>(
    `SELECT count(*) FILTER (WHERE c.not_in_team)::text AS not_in_team,
            count(*) FILTER (WHERE c.no_jira_identity)::text AS no_jira_identity
     FROM (${classified}) c`,
  );
  const page = keysetPage(
    rows,
    query.limit,
    scope,
    (row) => [row.id],
    (row): UnmatchedIdentity => ({
      id: row.id,
      system: row.system,
      externalId: row.external_id,
      displayName: row.display_name,
      email: row.email,
      personId: row.person_id,
      reasons: unmatchedReasons.filter((reason) => row[reason]),
    }),
  );
  return {
    ...page,
    totals: {
      not_in_team: Number(totals[0]?.not_in_team ?? 0),
      no_jira_identity: Number(totals[0]?.no_jira_identity ?? 0),
    },
  };
}
