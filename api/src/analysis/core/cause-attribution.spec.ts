import { defaultAnalysisConfig as config } from './analysis-config';
import { attributeCause, type Signal } from './cause-attribution';

const signal = (id: Signal['id'], side: Signal['side'], weight: number): Signal => ({
  id,
  side,
  weight,
  evidence: { kind: id, description: id },
});

describe('attributeCause', () => {
  it.each<[string, Signal[], string, string]>([
    ['no evidence', [], 'unknown', 'thin_evidence'],
    [
      'one weak signal',
      [signal('no_acceptance_criteria_at_start', 'missing_context', 0.4)],
      'unknown',
      'thin_evidence',
    ],
    [
      'missing context clearly ahead',
      [
        signal('no_acceptance_criteria_at_start', 'missing_context', 1),
        signal('expectation_text', 'missing_context', 1.3),
        signal('small_local_fix', 'execution', 0.6),
      ],
      'missing_context',
      'decided',
    ],
    [
      'execution alone',
      [signal('fault_text', 'execution', 1.3), signal('clear_stable_ticket', 'execution', 1)],
      'execution',
      'decided',
    ],
    [
      'a near tie',
      [signal('fault_text', 'execution', 1.3), signal('expectation_text', 'missing_context', 1.2)],
      'unknown',
      'small_margin',
    ],
  ])('%s -> %s (%s)', (_name, signals, cause, reason) => {
    const result = attributeCause(signals, config);
    expect(result.cause).toBe(cause);
    expect(result.reason).toBe(reason);
  });

  it('computes scores and confidence by the documented formula, evidence sorted by weight', () => {
    const result = attributeCause(
      [
        signal('small_local_fix', 'execution', 0.6),
        signal('no_acceptance_criteria_at_start', 'missing_context', 1),
        signal('expectation_text', 'missing_context', 1.3),
      ],
      config,
    );
    expect(result.scores).toEqual({ missing_context: 2.3, execution: 0.6 });
    // margin = 1.7 / 2.9; confidence = margin * 2.9 / (2.9 + 1.5) = 1.7 / 4.4
    expect(result.confidence).toBeCloseTo(1.7 / 4.4, 3);
    expect(result.evidence.map((entry) => entry.id)).toEqual([
      'expectation_text',
      'no_acceptance_criteria_at_start',
      'small_local_fix',
    ]);
  });

  it('gets more confident with more agreeing evidence, never above 1', () => {
    const one = attributeCause([signal('fault_text', 'execution', 1.5)], config).confidence;
    const three = attributeCause(
      [
        signal('fault_text', 'execution', 1.5),
        signal('clear_stable_ticket', 'execution', 1.5),
        signal('small_local_fix', 'execution', 1.5),
      ],
      config,
    ).confidence;
    expect(one).toBeCloseTo(0.5, 3);
    expect(three).toBeGreaterThan(one);
    expect(three).toBeLessThan(1);
  });
});
