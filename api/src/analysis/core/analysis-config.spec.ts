import { AnalysisConfigError, defaultAnalysisConfig, parseAnalysisConfig } from './analysis-config';

describe('parseAnalysisConfig', () => {
  it('gives the documented defaults from nothing', () => {
    const config = parseAnalysisConfig(undefined);
    expect(config.windows).toEqual({
      followUpFixDays: 30,
      linkedBugDays: 60,
      incidentAfterDeployHours: 72,
      fastRevertHours: 48,
      reopenTransientMinutes: 10,
    });
    expect(config.signalWeights.missingContext.expectation_text).toBe(1.3);
    expect(config.agentLogins).toContain('copilot');
    expect(config).toEqual(defaultAnalysisConfig);
  });

  it('changes only what an override names', () => {
    const config = parseAnalysisConfig({
      windows: { followUpFixDays: 14 },
      signalWeights: { execution: { fault_text: 2 } },
    });
    expect(config.windows.followUpFixDays).toBe(14);
    expect(config.windows.linkedBugDays).toBe(60);
    expect(config.signalWeights.execution.fault_text).toBe(2);
    expect(config.signalWeights.execution.clear_stable_ticket).toBe(1);
  });

  it.each<[string, unknown, string]>([
    ['negative window', { windows: { followUpFixDays: -1 } }, 'windows.followUpFixDays'],
    [
      'weight out of range',
      { signalWeights: { missingContext: { untracked_origin: 42 } } },
      'signalWeights.missingContext.untracked_origin',
    ],
    ['margin above 1', { decision: { minMargin: 1.5 } }, 'decision.minMargin'],
    [
      'unknown signal',
      { signalWeights: { execution: { vibes: 1 } } },
      'signalWeights.execution.vibes',
    ],
    ['glob list of numbers', { criticalPathGlobs: [1] }, 'criticalPathGlobs.0'],
    ['holdout share of 1', { refit: { holdoutShare: 1 } }, 'refit.holdoutShare'],
  ])('names the field for %s', (_name, input, field) => {
    try {
      parseAnalysisConfig(input);
      throw new Error('expected a configuration error');
    } catch (error) {
      expect(error).toBeInstanceOf(AnalysisConfigError);
      expect((error as AnalysisConfigError).fieldErrors.map((entry) => entry.field)).toContain(
        field,
      );
    }
  });
});
