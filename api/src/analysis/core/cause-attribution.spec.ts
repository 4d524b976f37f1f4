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
    // The expectation text is direct evidence: the missing criteria and the fix's size, both
    // circumstantial, count at 0.35.
    expect(result.scores).toEqual({ missing_context: 1.65, execution: 0.21 });
    // margin = 1.44 / 1.86; confidence = margin * 1.86 / (1.86 + 1.5) = 1.44 / 3.36
    expect(result.confidence).toBeCloseTo(1.44 / 3.36, 3);
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

  it("counts the ticket's state at the configured share when the rework's own evidence speaks, keeping the evidence weights", () => {
    const priors = [
      signal('no_acceptance_criteria_at_start', 'missing_context', 1),
      signal('thin_description_at_start', 'missing_context', 0.7),
    ];
    // The ticket alone: its state decides (the short description, read from the same ticket as
    // the missing criteria, at half).
    expect(attributeCause(priors, config)).toMatchObject({
      cause: 'missing_context',
      scores: { missing_context: 1.35, execution: 0 },
    });
    // A crash in the bug's own words against a weak ticket: the fault wins.
    const withFault = attributeCause([...priors, signal('fault_text', 'execution', 1.3)], config);
    expect(withFault).toMatchObject({
      cause: 'execution',
      scores: { missing_context: 0.473, execution: 1.3 },
    });
    expect(withFault.evidence.map((entry) => entry.weight)).toEqual([1.3, 1, 0.7]);
    // The old rule, by configuration: the weak ticket outweighs the fault.
    const flat = {
      ...config,
      decision: {
        ...config.decision,
        circumstantialWeightWithDirectEvidence: 1,
        correlatedEvidenceShare: 1,
      },
    };
    expect(attributeCause([...priors, signal('fault_text', 'execution', 1.3)], flat).cause).toBe(
      'missing_context',
    );
  });

  it('counts the weaker of two readings of one fact at the configured share', () => {
    const fixShape = [
      signal('small_local_fix', 'execution', 0.8),
      signal('adds_test_for_untested_path', 'execution', 0.6),
    ];
    // A one-line fix that also adds a test is one piece of evidence about one diff.
    expect(attributeCause(fixShape, config).scores.execution).toBe(1.1);
    // Signals of different facts still add up in full.
    expect(
      attributeCause(
        [
          signal('small_local_fix', 'execution', 0.8),
          signal('clear_stable_ticket', 'execution', 1),
        ],
        config,
      ).scores.execution,
    ).toBe(1.8);
    const summed = { ...config, decision: { ...config.decision, correlatedEvidenceShare: 1 } };
    expect(attributeCause(fixShape, summed).scores.execution).toBe(1.4);
  });
});
