import { defaultAnalysisConfig as config } from './analysis-config';
import { reviewRisk, type RiskInput } from './review-risk';

const base: RiskInput = {
  files: [],
  isAgentAuthored: false,
  recentChangesPerFile: {},
  authorPriorChangesPerFile: {},
};

describe('reviewRisk', () => {
  const copyFix: RiskInput = {
    ...base,
    files: [{ path: 'web/src/i18n/en.json', additions: 1, deletions: 1 }],
    authorPriorChangesPerFile: { 'web/src/i18n/en.json': 12 },
  };
  const riskyAuth: RiskInput = {
    files: [
      { path: 'api/src/auth/session.service.ts', additions: 240, deletions: 80 },
      { path: 'api/src/auth/token.ts', additions: 60, deletions: 10 },
      { path: 'api/src/database/migrations/1700-add-sessions.ts', additions: 40, deletions: 0 },
      { path: 'package-lock.json', additions: 300, deletions: 120 },
      { path: 'package.json', additions: 1, deletions: 0 },
    ],
    isAgentAuthored: true,
    recentChangesPerFile: { 'api/src/auth/session.service.ts': 9, 'api/src/auth/token.ts': 7 },
    authorPriorChangesPerFile: {},
  };

  it('ranks a broad auth change by an agent far above a one-line copy fix, with reasons', () => {
    const low = reviewRisk(copyFix, config);
    const high = reviewRisk(riskyAuth, config);
    expect(low.score).toBeLessThan(15);
    expect(high.score).toBeGreaterThan(75);
    expect(high.criticalFiles).toEqual([
      'api/src/auth/session.service.ts',
      'api/src/auth/token.ts',
      'api/src/database/migrations/1700-add-sessions.ts',
    ]);
    expect(high.hotspotFiles).toHaveLength(2);
    const byName = Object.fromEntries(
      high.components.map((component) => [component.name, component]),
    );
    expect(byName.dependencies?.points).toBe(config.risk.weights.dependencies);
    expect(byName.agentAuthored?.reason).toBe('Authored by an agent');
    expect(byName.authorInexperience?.reason).toBe('Author new to 5 of 5 files');
  });

  it.each<[string, Partial<RiskInput>, string]>([
    [
      'critical path',
      { files: [{ path: 'billing/invoice.sql', additions: 3, deletions: 1 }] },
      'criticalPaths',
    ],
    [
      'dependency bump',
      { files: [{ path: 'services/api/go.mod', additions: 1, deletions: 1 }] },
      'dependencies',
    ],
    [
      'hotspot',
      {
        files: [{ path: 'src/cart.ts', additions: 3, deletions: 1 }],
        recentChangesPerFile: { 'src/cart.ts': 6 },
      },
      'hotspots',
    ],
  ])('adds points for a %s', (_name, overrides, component) => {
    const result = reviewRisk({ ...base, ...overrides }, config);
    expect(result.components.find((entry) => entry.name === component)?.points).toBeGreaterThan(0);
  });

  it('uses configured critical-path globs', () => {
    const custom = { ...config, criticalPathGlobs: ['src/ledger/**'] };
    const input = { ...base, files: [{ path: 'src/ledger/post.ts', additions: 1, deletions: 0 }] };
    expect(reviewRisk(input, custom).criticalFiles).toEqual(['src/ledger/post.ts']);
    expect(reviewRisk(input, config).criticalFiles).toEqual([]);
  });
});
