import { defaultMetricOptions as options } from './metric-result.js';
import {
  depthRiskCorrelation,
  escapedDefectRate,
  overReviewRate,
  riskBucket,
  rubberStampRate,
} from './review-calibration.js';
import { at, build, march } from './testing/build.js';

const inMarch = at('2026-03-10T00:00:00Z');
// Ten scored PRs: risk 10..100; depth nearly follows risk (two swaps).
const risks = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
const depths = [5, 15, 10, 30, 20, 40, 50, 45, 70, 60];
const rubberStamp = [null, null, null, null, null, true, false, true, null, false];
const overReview = [true, false, false, null, null, null, null, null, null, null];
const scored = risks.map((risk, index) =>
  build.pullRequest({
    id: `r${risk}`,
    mergedAt: inMarch,
    riskScore: risk,
    depthScore: depths[index]!,
    rubberStamp: rubberStamp[index]!,
    overReview: overReview[index]!,
  }),
);
const data = build.dataset({
  pullRequests: [
    ...scored,
    build.pullRequest({ id: 'unscored', mergedAt: inMarch }),
    build.pullRequest({
      id: 'later',
      mergedAt: at('2026-04-10T00:00:00Z'),
      riskScore: 90,
      depthScore: 0,
      rubberStamp: true,
    }),
  ],
  reworkItems: [
    build.reworkItem({ id: 'e1', cause: 'execution', originPrIds: ['r10'] }),
    build.reworkItem({ id: 'e2', cause: 'execution', originPrIds: ['r60', 'r70'] }),
    build.reworkItem({ id: 'm1', cause: 'missing_context', originPrIds: ['r80'] }), // not an execution defect
  ],
});
const noRisk = { reason: 'no risk score', count: 1 };

describe('review calibration (March 2026)', () => {
  it('buckets risk with the configured thresholds (low <= 30 < medium < 60 <= high)', () => {
    expect([30, 31, 59, 60].map((risk) => riskBucket(risk, options))).toEqual([
      'low',
      'medium',
      'medium',
      'high',
    ]);
  });

  it('Spearman rank correlation of depth with risk', () => {
    // depth ranks [1,3,2,5,4,6,8,7,10,9] vs risk ranks 1..10: sum of d^2 = 8; rho = 1 - 6*8 / (10*99) = 0.951515
    const result = depthRiskCorrelation(data, march, options);
    expect(result.value).toBeCloseTo(1 - 48 / 990, 10);
    expect(result.universe).toEqual({ count: 10, noun: 'pull requests' });
    expect(result.excluded).toEqual([{ reason: 'no risk or depth score', count: 1 }]);
  });

  it('does not compute a correlation below the minimum sample or on constant scores', () => {
    const nine = build.dataset({ pullRequests: scored.slice(0, 9) });
    expect(depthRiskCorrelation(nine, march, options)).toMatchObject({
      value: null,
      reason: 'fewer than 10 scored pull requests',
      universe: { count: 9 },
    });
    const flat = build.dataset({ pullRequests: scored.map((pr) => ({ ...pr, depthScore: 50 })) });
    const flatResult = depthRiskCorrelation(flat, march, options);
    expect(flatResult.value).toBeNull();
    expect(flatResult.reason).toMatch(/rank correlation undefined/);
    // Perfectly inverse calibration: -1
    const inverse = build.dataset({
      pullRequests: scored.map((pr, index) => ({ ...pr, depthScore: 100 - index })),
    });
    expect(depthRiskCorrelation(inverse, march, options).value).toBeCloseTo(-1, 10);
  });

  it('rubber-stamp rate over high-risk PRs', () => {
    // high: r60 yes, r70 no, r80 yes, r90 not analysed, r100 no -> 2/4
    expect(rubberStampRate(data, march, options)).toEqual({
      value: 0.5,
      universe: { count: 4, noun: 'pull requests' },
      excluded: [noRisk, { reason: 'review not analysed', count: 1 }],
    });
  });

  it('over-review rate over low-risk PRs', () => {
    // low: r10 yes, r20 no, r30 no -> 1/3
    expect(overReviewRate(data, march, options)).toMatchObject({
      value: 1 / 3,
      universe: { count: 3 },
    });
  });

  it('escaped-defect rate by risk bucket counts only execution rework origins', () => {
    // low r10 of r10, r20, r30 = 1/3; medium none of r40, r50 = 0; high r60, r70 of five = 2/5 (r80 was missing context)
    expect(escapedDefectRate('low')(data, march, options)).toMatchObject({
      value: 1 / 3,
      universe: { count: 3 },
      excluded: [noRisk],
    });
    expect(escapedDefectRate('medium')(data, march, options)).toMatchObject({
      value: 0,
      universe: { count: 2 },
    });
    const high = escapedDefectRate('high')(data, march, options);
    expect(high).toMatchObject({ value: 2 / 5, universe: { count: 5 } });
    expect(high.linkingRule).toMatch(/origin of rework/);
  });
});
