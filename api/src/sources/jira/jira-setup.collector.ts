import type { DataSource } from 'typeorm';
import { storeRawPayload } from '../raw/raw-payload.store';
import { discoverFields, type JiraFieldCatalog, type JiraFieldMap } from './field-discovery';
import type { JiraApiClient, JiraDeployment, JiraResponse } from './jira-api.client';
import { fieldListSchema, serverInfoSchema, statusListSchema } from './jira-payload.schemas';
import type { StatusCategory } from './work-item-history';
import { z } from 'zod';

/**
 * What a sync needs before paging issues: deployment type (configured, or from serverInfo), the
 * API user's time zone (Jira reads JQL dates in it), the custom field map, status categories.
 * Every response is stored raw first.
 */
export interface JiraSiteFacts {
  deployment: JiraDeployment;
  timeZone: string;
  fields: JiraFieldCatalog;
  statusCategories: Map<string, StatusCategory>;
}

async function stored(
  dataSource: DataSource,
  scope: string,
  response: JiraResponse,
): Promise<void> {
  await storeRawPayload(dataSource.manager, {
    source: 'jira',
    endpoint: response.endpoint,
    requestParams: response.requestParams,
    scope,
    sourceIds: [],
    etag: null,
    httpStatus: 200,
    fetchedAt: new Date(),
    payload: response.body ?? {},
  });
}

export function deploymentOf(serverInfo: unknown): JiraDeployment {
  const info = serverInfoSchema.parse(serverInfo);
  return info.deploymentType?.toLowerCase() === 'cloud' ? 'cloud' : 'datacenter';
}

export function statusCategoriesOf(statuses: unknown): Map<string, StatusCategory> {
  const map = new Map<string, StatusCategory>();
  for (const status of statusListSchema.parse(statuses)) {
    const key = status.statusCategory.key;
    const category: StatusCategory =
      key === 'done' ? 'done' : key === 'new' ? 'new' : 'indeterminate';
    map.set(status.id, category);
    map.set(status.name, category);
  }
  return map;
}

export async function collectSiteFacts(
  dataSource: DataSource,
  client: JiraApiClient,
  scope: string,
  configured: JiraDeployment | undefined,
  overrides: Partial<JiraFieldMap> | undefined,
): Promise<JiraSiteFacts> {
  let deployment = configured;
  if (deployment === undefined) {
    const info = await client.serverInfo();
    await stored(dataSource, scope, info);
    deployment = deploymentOf(info.body);
  }
  const myself = await client.myself();
  const timeZone =
    z.object({ timeZone: z.string().optional() }).parse(myself.body).timeZone ?? 'UTC';
  const fields = await client.fields();
  await stored(dataSource, scope, fields);
  const statuses = await client.statuses();
  await stored(dataSource, scope, statuses);
  return {
    deployment,
    timeZone,
    fields: discoverFields(fieldListSchema.parse(fields.body), overrides),
    statusCategories: statusCategoriesOf(statuses.body),
  };
}
