import { defaultQuarter } from './get-latest-quarter';

describe('the default quarter', () => {
  it('is the quarter of the newest rework once it holds six weeks of data', () => {
    expect(defaultQuarter(new Date('2025-12-03T00:00:00Z'))).toBe('2025-Q4');
    expect(defaultQuarter(new Date('2025-11-12T00:00:00Z'))).toBe('2025-Q4');
  });

  it('is the quarter before when the newest quarter has only days of data', () => {
    expect(defaultQuarter(new Date('2026-01-09T19:52:24Z'))).toBe('2025-Q4');
  });

  it('is the current quarter when nothing was detected yet', () => {
    expect(defaultQuarter(undefined, new Date('2026-11-22T08:00:00Z'))).toBe('2026-Q4');
  });
});
