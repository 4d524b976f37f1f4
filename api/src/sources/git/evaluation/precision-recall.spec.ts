import { scorePairs } from './precision-recall';

describe('scorePairs', () => {
  it('counts fix-to-introducer pairs', () => {
    const counts = scorePairs([
      { truth: ['a'], predicted: ['a', 'x'] },
      { truth: ['b', 'c'], predicted: ['c'] },
      { truth: [], predicted: [] },
    ]);
    expect(counts).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1 });
    expect(counts.precision).toBeCloseTo(2 / 3);
    expect(counts.recall).toBeCloseTo(2 / 3);
  });
});
