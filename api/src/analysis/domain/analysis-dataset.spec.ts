import { loadDemoDatabase, type DemoDatabase } from '../../testing/demo-database';
import { loadAnalysisDataset } from './analysis-dataset';

/** The dataset read in keyset pages is the dataset read at once: no row skipped or read twice. */
describe('loadAnalysisDataset', () => {
  let demo: DemoDatabase;
  beforeAll(async () => {
    demo = await loadDemoDatabase({ seed: 11, prs: 400 });
  }, 120_000);
  afterAll(async () => {
    await demo.close();
  });

  it('reads the same rows in pages of 7 as in one page', async () => {
    const whole = await loadAnalysisDataset(demo.dataSource.manager);
    const pageSize = 7;
    const paged = await loadAnalysisDataset(demo.dataSource.manager, pageSize);
    // Enough rows that every paged table spans several pages.
    expect(whole.pullRequests.size).toBeGreaterThan(5 * pageSize);
    expect(whole.workItems.size).toBeGreaterThan(5 * pageSize);
    expect([...whole.links.values()].flat().length).toBeGreaterThan(5 * pageSize);
    const sorted = <T>(map: Map<string, T>): Array<[string, T]> =>
      [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
    expect(sorted(paged.pullRequests)).toEqual(sorted(whole.pullRequests));
    expect(sorted(paged.workItems)).toEqual(sorted(whole.workItems));
    expect(sorted(paged.links)).toEqual(sorted(whole.links));
    expect(sorted(paged.changes)).toEqual(sorted(whole.changes));
  });
});
