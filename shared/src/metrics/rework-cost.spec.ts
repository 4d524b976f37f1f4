import { reworkDefinitions } from './definitions-agents-rework.js';
import { defaultMetricOptions as options } from './metric-result.js';
import { reworkCostFormula } from './rework-cost.js';
import { at, build, march } from './testing/build.js';

const inMarch = at('2026-03-05T00:00:00Z');
const data = build.dataset({
  reworkItems: [
    build.reworkItem({
      id: 'r1',
      cause: 'missing_context',
      detectedAt: inMarch,
      reworkChanges: [{ pullRequestId: 'x1', lines: 10, cycleHours: 12 }],
    }),
    // x1 also reworks r6: counted once for missing context
    build.reworkItem({
      id: 'r6',
      cause: 'missing_context',
      detectedAt: inMarch,
      reworkChanges: [
        { pullRequestId: 'x1', lines: 10, cycleHours: 12 },
        { pullRequestId: 'x3', lines: 30, cycleHours: 3 },
      ],
    }),
    build.reworkItem({
      id: 'r2',
      cause: 'execution',
      detectedAt: inMarch,
      reworkChanges: [{ pullRequestId: 'x2', lines: 50, cycleHours: 60 }],
    }),
    build.reworkItem({ id: 'r3', cause: 'execution', kind: 'reopened', detectedAt: inMarch }),
    build.reworkItem({
      id: 'r4',
      cause: 'unknown',
      detectedAt: inMarch,
      reworkChanges: [{ pullRequestId: 'x4', lines: 5, cycleHours: 1 }],
    }),
    build.reworkItem({
      id: 'r7',
      cause: 'execution',
      detectedAt: at('2026-04-05T00:00:00Z'),
      reworkChanges: [{ pullRequestId: 'x9', lines: 999, cycleHours: 9 }],
    }),
  ],
});

describe('rework cost by cause (March 2026)', () => {
  it('missing context: 2 distinct PRs, 40 lines, (12 + 3) / 6 = 2.5 engineer-days', () => {
    expect(reworkCostFormula('missing_context', 'prs')(data, march, options)).toEqual({
      value: 2,
      universe: { count: 2, noun: 'rework items' },
      excluded: [],
    });
    expect(reworkCostFormula('missing_context', 'lines')(data, march, options).value).toBe(40);
    expect(reworkCostFormula('missing_context', 'engineer-days')(data, march, options).value).toBe(
      2.5,
    );
  });

  it('execution: 1 PR, 50 lines, 60 h capped at 40 h / 6 = 6.67 engineer-days; the reopen without PR is excluded', () => {
    const days = reworkCostFormula('execution', 'engineer-days')(data, march, options);
    expect(days.value).toBeCloseTo(40 / 6, 10);
    expect(days.universe.count).toBe(1);
    expect(days.excluded).toEqual([
      { reason: 'rework without a pull request (effort not measurable)', count: 1 },
    ]);
    expect(reworkCostFormula('execution', 'prs')(data, march, options).value).toBe(1);
    expect(reworkCostFormula('execution', 'lines')(data, march, options).value).toBe(50);
  });

  it('unknown: 1 PR, 5 lines, 1 / 6 engineer-days', () => {
    expect(reworkCostFormula('unknown', 'lines')(data, march, options).value).toBe(5);
    expect(reworkCostFormula('unknown', 'engineer-days')(data, march, options).value).toBeCloseTo(
      1 / 6,
      10,
    );
  });

  it('honours the configured constants', () => {
    const tight = { ...options, reworkPrCycleCapHours: 8, engineerDayHours: 4 };
    // min(12, 8) + min(3, 8) = 11 h / 4 = 2.75
    expect(reworkCostFormula('missing_context', 'engineer-days')(data, march, tight).value).toBe(
      2.75,
    );
  });

  it('states the proxy constants in the definition', () => {
    const definition = reworkDefinitions.find(
      (d) => d.id === 'rework-engineer-days-missing-context',
    );
    expect(definition?.definition).toMatch(/40 h per pull request, divided by 6 focused hours/);
    expect(definition?.unit).toBe('engineer-days');
  });
});
