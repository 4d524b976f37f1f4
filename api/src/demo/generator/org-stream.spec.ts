import { dayMs } from './org-skeleton';
import { forgetOldLandings } from './org-stream';

describe('forgetOldLandings', () => {
  const now = Date.parse('2025-06-01T00:00:00Z');
  const landingsDaysAgo = (days: number[]): Map<number, { at: number }> =>
    new Map(days.map((daysAgo, index) => [index + 1, { at: now - daysAgo * dayMs }]));

  it('keeps every landing of the last 45 days however many there are (a busy repository)', () => {
    const landings = landingsDaysAgo([10, 9, 3, 2, 1]);
    forgetOldLandings(landings, now, 2);
    expect([...landings.keys()]).toEqual([1, 2, 3, 4, 5]);
  });

  it('forgets the oldest landings beyond the count once they are older than 45 days', () => {
    const landings = landingsDaysAgo([90, 60, 50, 2, 1]);
    forgetOldLandings(landings, now, 3);
    expect([...landings.keys()]).toEqual([3, 4, 5]);
  });

  it('keeps old landings while there are no more than the count (a quiet repository)', () => {
    const landings = landingsDaysAgo([400, 300, 1]);
    forgetOldLandings(landings, now, 3);
    expect([...landings.keys()]).toEqual([1, 2, 3]);
  });
});
