import { formatAxisValue, formatMetric, formatMetricChange } from './format';

describe('metric formatting', () => {
  it('writes values in their unit', () => {
    expect(formatMetric(0.384, 'ratio')).toBe('38%');
    expect(formatMetric(12.34, 'hours')).toBe('12.3 h');
    expect(formatMetric(null, 'count')).toBe('—');
  });

  it("writes a share's change in percentage points and other changes signed in their unit", () => {
    expect(formatMetricChange(-0.1, 'ratio')).toBe('-10 pts');
    expect(formatMetricChange(0.034, 'ratio')).toBe('+3.4 pts');
    expect(formatMetricChange(10, 'hours')).toBe('+10 h');
    expect(formatMetricChange(0.13, 'correlation')).toBe('+0.13');
  });

  it('keeps axis labels short enough to sit beside the axis', () => {
    expect(formatAxisValue(30, 'engineer-days')).toBe('30 d');
    expect(formatAxisValue(0.5, 'ratio')).toBe('50%');
  });
});
