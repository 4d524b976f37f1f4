import { selectFollowUpOrigins, type TracedIntroducer } from './follow-up-origins';

const fixMerged = new Date('2024-06-30T12:00:00Z');
const daysBefore = (days: number): Date => new Date(fixMerged.getTime() - days * 86_400_000);

describe('selectFollowUpOrigins', () => {
  const introducers: TracedIntroducer[] = [
    { sha: 'a1', prNumber: 101, landedAt: daysBefore(3), lines: 4 },
    { sha: 'a2', prNumber: 101, landedAt: daysBefore(3), lines: 2 },
    { sha: 'b1', prNumber: 95, landedAt: daysBefore(29.9), lines: 1 },
    { sha: 'c1', prNumber: 60, landedAt: daysBefore(31), lines: 9 },
    { sha: 'd1', prNumber: 140, landedAt: daysBefore(0.5), lines: 3 },
    { sha: 'e1', prNumber: null, landedAt: daysBefore(10), lines: 2 },
    { sha: 'f1', prNumber: 150, landedAt: new Date('2024-07-01T00:00:00Z'), lines: 1 },
  ];

  it('keeps PRs in the window, grouped, biggest share first; excludes the fix itself, older and later work', () => {
    const result = selectFollowUpOrigins(introducers, { prNumber: 140, mergedAt: fixMerged }, 30);
    expect(result.origins.map((origin) => [origin.prNumber, origin.shas, origin.lines])).toEqual([
      [101, ['a1', 'a2'], 6],
      [null, ['e1'], 2],
      [95, ['b1'], 1],
    ]);
    expect(result.origins[0]?.ageDays).toBe(3);
    expect(result.excluded).toEqual([
      { sha: 'c1', prNumber: 60, reason: 'outside_window' },
      { sha: 'd1', prNumber: 140, reason: 'own_change' },
      { sha: 'f1', prNumber: 150, reason: 'after_fix' },
    ]);
  });

  it('follows the configured window', () => {
    const result = selectFollowUpOrigins(introducers, { prNumber: 140, mergedAt: fixMerged }, 60);
    expect(result.origins.map((origin) => origin.prNumber)).toContain(60);
  });

  it('gives nothing when all lines came from the fix PR itself', () => {
    const result = selectFollowUpOrigins(
      [{ sha: 'x', prNumber: 7, landedAt: daysBefore(1), lines: 3 }],
      { prNumber: 7, mergedAt: fixMerged },
      30,
    );
    expect(result.origins).toEqual([]);
  });
});
