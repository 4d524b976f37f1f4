import { headline, highlights, quarterPeriod, verdictOf } from './quarterly';

describe('quarterly review', () => {
  it('reads deltas through the direction of good', () => {
    expect(verdictOf('down', 10, 20)).toBe('better');
    expect(verdictOf('up', 10, 20)).toBe('worse');
    expect(verdictOf('up', 20.1, 20)).toBe('unchanged');
    expect(verdictOf('neutral', 5, 1)).toBe('neutral');
    expect(verdictOf('up', null, 1)).toBe('unknown');
  });

  it('writes sentences from the numbers, largest move first', () => {
    const throughput = headline(
      'velocity-pull-request-throughput',
      { value: 30, universe: { count: 390, noun: 'pull requests' } },
      20,
    );
    const failure = headline(
      'dora-change-failure-rate',
      { value: 0.1, universe: { count: 40, noun: 'deployments' } },
      0.2,
    );
    const cause = headline(
      'context-missing-context-rework-share',
      { value: 0.25, universe: { count: 12, noun: 'rework items' } },
      null,
    );
    expect(failure).toMatchObject({ delta: -0.1, relativeDelta: null, verdict: 'better' });
    expect(throughput).toMatchObject({ delta: 10, relativeDelta: 0.5 });
    expect(highlights('2025-Q2', [failure, throughput, cause])).toEqual([
      'Pull requests merged per week rose from 20.0 per week to 30.0 per week (+50%) in 2025-Q2 (390 pull requests), an improvement.',
      'Change failure rate fell from 20.0% to 10.0% (-10.0 points) in 2025-Q2 (40 deployments), an improvement.',
      'Missing context caused 25.0% of the 12 rework items in 2025-Q2.',
    ]);
    expect(quarterPeriod('2025-Q2')).toMatchObject({
      start: new Date('2025-04-01T00:00:00Z'),
      end: new Date('2025-07-01T00:00:00Z'),
    });
  });

  it("reads a share's change in points and a correlation's as a difference, never as a share of a near-zero value", () => {
    const calibration = headline(
      'review-depth-risk-correlation',
      { value: 0.01, universe: { count: 656, noun: 'pull requests' } },
      -0.12,
    );
    const stamps = headline(
      'review-rubber-stamp-rate',
      { value: 0.306, universe: { count: 36, noun: 'pull requests' } },
      0.559,
    );
    expect(calibration.relativeDelta).toBeNull();
    expect(highlights('2025-Q4', [calibration, stamps])).toEqual([
      'Rubber-stamp rate fell from 55.9% to 30.6% (-25.3 points) in 2025-Q4 (36 pull requests), an improvement.',
      'Review calibration (depth vs risk) rose from -0.12 to 0.01 (+0.13) in 2025-Q4 (656 pull requests), an improvement.',
    ]);
  });
});
