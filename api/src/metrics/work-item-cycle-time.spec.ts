import { periodOf, workItemCycleTime, type Period } from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { analyseAll } from '../analysis/analyse';
import { defaultAnalysisConfig } from '../analysis/core';
import { defaultLinkBase } from '../analysis/detection/detected-rework';
import { silentLogger } from '../testing/silent-logger';
import { loadDemoDatabase, type DemoDatabase } from '../testing/demo-database';
import { loadExplainDataset } from './explain-dataset.repository';
import { loadMetricDataset } from './metric-dataset.repository';

const dayMs = 86_400_000;

/**
 * The analysis reads a ticket's context from when work started, which can be a PR opened before
 * anyone moved the ticket; work item cycle time and "moved to in progress in the period" still
 * start at the move to in progress.
 */
describe('work item start for the metrics, after the analysis', () => {
  let demo: DemoDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    demo = await loadDemoDatabase({ seed: 7, prs: 150 });
    ({ dataSource } = demo);
  }, 300_000);

  afterAll(() => demo.close());

  it('measures cycle time from the move to in progress, and places context where work started, when the first PR opened days before it', async () => {
    const [story] = await dataSource.query<
      Array<{ id: string; key: string; in_progress_at: Date; resolved_at: Date; pr_id: string }>
    >(
      `SELECT w.id, w.key, c.in_progress_at, w.resolved_at,
         (SELECT p.id FROM pull_request_work_item l JOIN pull_request p ON p.id = l.pull_request_id
           WHERE l.work_item_key = w.key AND p.merged_at IS NOT NULL ORDER BY p.created_at, p.id LIMIT 1) AS pr_id
       FROM work_item w JOIN work_item_context c ON c.work_item_id = w.id
       WHERE c.started_from = 'status' AND w.status_category = 'done' AND NOT w.is_subtask
         AND w.resolved_at > c.in_progress_at
         AND EXISTS (SELECT 1 FROM pull_request_work_item l JOIN pull_request p ON p.id = l.pull_request_id
           WHERE l.work_item_key = w.key AND p.merged_at IS NOT NULL)
       ORDER BY w.key LIMIT 1`,
    );
    if (story === undefined) throw new Error('the demo has no finished story with a merged PR');
    // The developer opened the PR three days before the ticket moved to in progress.
    const opened = new Date(story.in_progress_at.getTime() - 3 * dayMs);
    await dataSource.query('UPDATE pull_request SET created_at = $2 WHERE id = $1', [
      story.pr_id,
      opened,
    ]);
    await analyseAll(dataSource, {
      logger: silentLogger(),
      dataDir: demo.dataDir,
      config: defaultAnalysisConfig,
      links: defaultLinkBase,
    });

    const [context] = await dataSource.query<
      Array<{ started_at: Date; started_from: string; in_progress_at: Date }>
    >(
      'SELECT started_at, started_from, in_progress_at FROM work_item_context WHERE work_item_id = $1',
      [story.id],
    );
    expect(context).toEqual({
      started_at: opened,
      started_from: 'pull-request',
      in_progress_at: story.in_progress_at,
    });

    const whole = await loadMetricDataset(dataSource.manager);
    const item = whole.workItems.find((candidate) => candidate.key === story.key);
    expect(item?.startedAt).toEqual(story.in_progress_at);
    expect(item?.workStartedAt).toEqual(opened);
    const cycle = workItemCycleTime(
      { ...whole, workItems: item === undefined ? [] : [item] },
      periodOf(story.resolved_at, 'week'),
    );
    expect(cycle.value).toBeCloseTo(
      (story.resolved_at.getTime() - story.in_progress_at.getTime()) / dayMs,
      6,
    );

    // Context metrics place the story where its work started, the PR's opening, so explaining
    // one lists it there and not around the later move (a day either side: the explain query
    // reads a day wide).
    const around = (at: Date): Period => ({
      kind: 'week',
      label: at.toISOString(),
      start: new Date(at.getTime() - dayMs / 2),
      end: new Date(at.getTime() + dayMs / 2),
    });
    const explained = async (at: Date): Promise<string[]> =>
      (
        await loadExplainDataset(dataSource.manager, 'started-work-items', around(at))
      ).workItems.map((candidate) => candidate.key);
    expect(await explained(opened)).toContain(story.key);
    expect(await explained(story.in_progress_at)).not.toContain(story.key);
  }, 300_000);
});
