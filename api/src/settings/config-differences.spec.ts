import { defaultAnalysisConfig, parseAnalysisConfig } from '../analysis/core/analysis-config';
import { configDifferences } from './config-differences';

describe('configDifferences', () => {
  it('names nothing for the defaults', () => {
    expect(configDifferences(parseAnalysisConfig({}), defaultAnalysisConfig)).toEqual([]);
  });

  it('names every field an override changed, arrays as a whole', () => {
    const config = parseAnalysisConfig({
      windows: { followUpFixDays: 14 },
      signalWeights: { execution: { fault_text: 2 } },
      agentLogins: ['acme-bot'],
    });
    expect(configDifferences(config, defaultAnalysisConfig)).toEqual([
      'agentLogins',
      'signalWeights.execution.fault_text',
      'windows.followUpFixDays',
    ]);
  });

  it('does not report a value set to its default', () => {
    const config = parseAnalysisConfig({ windows: { linkedBugDays: 60 } });
    expect(configDifferences(config, defaultAnalysisConfig)).toEqual([]);
  });
});
