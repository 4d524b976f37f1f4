import type { DataSource } from 'typeorm';
import type { JiraFieldMap } from './field-discovery';
import type { ExtraHistories } from './issue.extractor';
import { changelogPageSchema } from './jira-payload.schemas';
import { convertBatch } from './issue-page.processor';
import { writeConvertedIssues } from './domain/work-item.repository';
import { siteFactsFromRaw } from './jira-webhook';

/**
 * Re-runs extract + convert (and optionally the domain writes) from the raw layer alone, page by
 * page in fetch order, without the network: what a re-analysis or a converter fix needs.
 */
export interface ReplayReport {
  pages: number;
  issues: number;
  quarantined: number;
  /** Time spent in extract + convert only. */
  convertMs: number;
  writeMs: number;
}

export async function replayJiraFromRaw(
  dataSource: DataSource,
  options: { write: boolean; fieldOverrides?: Partial<JiraFieldMap>; pagesPerBatch?: number },
): Promise<ReplayReport> {
  const facts = await siteFactsFromRaw(dataSource.manager, options.fieldOverrides);
  const extras = new Map<string, ExtraHistories[]>();
  const changelogRows: { id: string; payload: unknown; issue_key: string }[] =
    await dataSource.query(
      `SELECT id, payload, request_params->>'issueKey' AS issue_key FROM raw_payload
     WHERE source = 'jira' AND endpoint LIKE 'GET /rest/api/_/issue/{key}/changelog' ORDER BY id`,
    );
  for (const row of changelogRows) {
    const pages = extras.get(row.issue_key) ?? [];
    pages.push({ histories: changelogPageSchema.parse(row.payload).values, rawPayloadId: row.id });
    extras.set(row.issue_key, pages);
  }
  const report: ReplayReport = { pages: 0, issues: 0, quarantined: 0, convertMs: 0, writeMs: 0 };
  let after = '0';
  for (;;) {
    const rows: { id: string; payload: { issues?: unknown[] } }[] = await dataSource.query(
      `SELECT id, payload FROM raw_payload WHERE source = 'jira' AND endpoint IN ('POST /rest/api/3/search/jql', 'POST /rest/api/2/search') AND id > $1 ORDER BY id LIMIT $2`,
      [after, options.pagesPerBatch ?? 20],
    );
    if (rows.length === 0) return report;
    for (const row of rows) {
      const started = performance.now();
      const { converted, quarantined } = convertBatch(
        row.payload.issues ?? [],
        row.id,
        extras,
        facts,
      );
      report.convertMs += performance.now() - started;
      if (options.write) {
        const writeStarted = performance.now();
        await dataSource.transaction((manager) => writeConvertedIssues(manager, converted));
        report.writeMs += performance.now() - writeStarted;
      }
      report.pages += 1;
      report.issues += converted.length;
      report.quarantined += quarantined.length;
      after = row.id;
    }
  }
}
