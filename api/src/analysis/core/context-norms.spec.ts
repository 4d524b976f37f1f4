import { projectNorms, projectOfKey, rarityStrength } from './context-norms';

describe('project norms of weak tickets', () => {
  const tickets = (
    project: string,
    total: number,
    withoutCriteria: number,
  ): Array<{ project: string; hasCriteria: boolean; thinDescription: boolean }> =>
    Array.from({ length: total }, (_, index) => ({
      project,
      hasCriteria: index >= withoutCriteria,
      thinDescription: index < withoutCriteria / 2,
    }));

  it('measures the share of tickets started without criteria per project', () => {
    const norms = projectNorms([...tickets('OPS', 40, 36), ...tickets('WEB', 50, 5)]);
    expect(norms.get('OPS')).toEqual({ started: 40, noCriteriaShare: 0.9, thinShare: 0.45 });
    expect(norms.get('WEB')?.noCriteriaShare).toBe(0.1);
  });

  it('keeps full strength where the property is rare, weakens it where it is the norm', () => {
    expect(rarityStrength(0.1, 50)).toBe(1);
    expect(rarityStrength(0.5, 50)).toBe(1);
    expect(rarityStrength(0.75, 50)).toBe(0.5);
    // Never below the floor: a missing criteria section is still some evidence.
    expect(rarityStrength(0.98, 50)).toBe(0.3);
  });

  it('moves in steps of 0.05, so one more ticket rarely changes it', () => {
    // (1 - 0.7) / 0.5 = 0.6 and (1 - 0.705) / 0.5 = 0.59: the same step.
    expect(rarityStrength(0.7, 100)).toBe(0.6);
    expect(rarityStrength(0.705, 101)).toBe(0.6);
    expect(rarityStrength(0.73, 100)).toBe(0.55);
  });

  it('does not judge a project from a handful of tickets', () => {
    expect(rarityStrength(0.95, 5)).toBe(1);
    expect(rarityStrength(undefined, 0)).toBe(1);
  });

  it('reads the project from a work item key', () => {
    expect(projectOfKey('PAY-104')).toBe('PAY');
    expect(projectOfKey('DATA-OPS-7')).toBe('DATA-OPS');
  });
});
