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
    expect(config.fixSize).toEqual({ fullStrengthLines: 1, maxLines: 12, maxCodeFiles: 2 });
    expect(config.decision.correlatedEvidenceShare).toBe(0.5);
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
    [
      'correlated share above 1',
      { decision: { correlatedEvidenceShare: 2 } },
      'decision.correlatedEvidenceShare',
    ],
    [
      'a fix size of zero lines',
      { fixSize: { fullStrengthLines: 0 } },
      'fixSize.fullStrengthLines',
    ],
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
