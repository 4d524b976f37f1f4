import type { DataSource } from 'typeorm';
import { parseAnalysisConfig } from '../analysis/core';
import { defaultLinkBase } from '../analysis/detection/detected-rework';
import { silentLogger } from '../testing/silent-logger';
import { loadDemoDatabase, type DemoDatabase } from '../testing/demo-database';
import { reanalyse } from './reanalyse';

/** What `npm run analyse` and the `reanalyse` job run: the analysis, then the dashboard's rollups. */
describe('re-analysis outside a sync', () => {
  let demo: DemoDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    demo = await loadDemoDatabase({ seed: 5, prs: 300 });
    ({ dataSource } = demo);
  }, 300_000);

  afterAll(() => demo.close());

  const missingContextShare = async (): Promise<number[]> =>
    (
      await dataSource.query<{ value: number | null }[]>(
        `SELECT value FROM metric_rollup WHERE scope_kind = 'org' AND period_kind = 'quarter'
           AND metric_id = 'context-missing-context-rework-share' AND value IS NOT NULL ORDER BY period_start`,
      )
    ).map((row) => row.value ?? 0);

  it('re-attributes every item under the new rules and refreshes the rollups the dashboard reads', async () => {
    expect((await missingContextShare()).some((share) => share > 0)).toBe(true);
    // Rules that never find enough evidence: every cause becomes unknown, so no quarter has missing-context rework.
    const undecided = parseAnalysisConfig({ decision: { minTotalEvidence: 1000 } });
    const report = await reanalyse(dataSource, silentLogger(), {
      dataDir: demo.dataDir,
      analysis: undecided,
      links: defaultLinkBase,
      full: true,
    });
    expect(report.analysis.mode).toBe('full');
    const causes = await dataSource.query<{ cause: string; n: number }[]>(
      `SELECT a.cause, count(*)::int AS n FROM rework_item r
         JOIN cause_attribution a ON a.rework_item_id = r.id AND a.model_version = r.model_version GROUP BY a.cause`,
    );
    expect(causes.map((row) => row.cause)).toEqual(['unknown']);
    expect(report.rollups.periodsRecomputed).toBeGreaterThan(0);
    expect((await missingContextShare()).every((share) => share === 0)).toBe(true);
  }, 300_000);
});
