import { globMatcher } from './glob-matcher';
import type { AnalysisConfig } from './analysis-config';

/**
 * Risk score (0-100) of a PR from what a reviewer should weigh: size, spread, critical paths,
 * hotspots (files changed often recently), the author's experience in those files, dependency
 * changes and agent authorship. Each component is a share in [0, 1] times its configured weight.
 */
export interface ChangedFile {
  path: string;
  additions: number;
  deletions: number;
}

export interface RiskInput {
  files: readonly ChangedFile[];
  isAgentAuthored: boolean;
  /** How many PRs changed each path in the recent window (the caller picks the window). */
  recentChangesPerFile: Readonly<Record<string, number>>;
  /** How many earlier PRs by this author changed each path. */
  authorPriorChangesPerFile: Readonly<Record<string, number>>;
}

export type RiskComponentName =
  | 'size'
  | 'files'
  | 'criticalPaths'
  | 'hotspots'
  | 'authorInexperience'
  | 'dependencies'
  | 'agentAuthored';

export interface ScoreComponent<N extends string> {
  name: N;
  points: number;
  max: number;
  reason: string;
}

export interface RiskScore {
  score: number;
  components: Array<ScoreComponent<RiskComponentName>>;
  criticalFiles: string[];
  hotspotFiles: string[];
}

const round = (value: number): number => Math.round(value * 10) / 10;

export function reviewRisk(input: RiskInput, config: AnalysisConfig): RiskScore {
  const settings = config.risk;
  const weights = settings.weights;
  const isCritical = globMatcher(config.criticalPathGlobs);
  const isManifest = globMatcher(config.dependencyManifestGlobs);
  const paths = input.files.map((file) => file.path);
  const lines = input.files.reduce((sum, file) => sum + file.additions + file.deletions, 0);
  const critical = paths.filter((path) => isCritical(path));
  const hotspots = paths.filter(
    (path) => (input.recentChangesPerFile[path] ?? 0) >= settings.hotspotMinChanges,
  );
  const manifests = paths.filter((path) => isManifest(path));
  const experience = paths.map((path) =>
    Math.min(1, (input.authorPriorChangesPerFile[path] ?? 0) / settings.experiencedAfterChanges),
  );
  const newToAuthor = paths.filter(
    (path) => (input.authorPriorChangesPerFile[path] ?? 0) === 0,
  ).length;
  const inexperience =
    paths.length === 0 ? 0 : 1 - experience.reduce((sum, value) => sum + value, 0) / paths.length;

  const shares: Array<[RiskComponentName, number, string]> = [
    // Log scale: going from 10 to 100 lines matters as much as 100 to 1000.
    [
      'size',
      Math.min(1, Math.log1p(lines) / Math.log1p(settings.sizeLinesFull)),
      `${lines} changed lines`,
    ],
    ['files', Math.min(1, paths.length / settings.filesFull), `${paths.length} files`],
    [
      'criticalPaths',
      critical.length === 0 ? 0 : Math.min(1, 0.6 + 0.2 * critical.length),
      critical.length === 0
        ? 'No critical paths'
        : `Critical paths: ${critical.slice(0, 5).join(', ')}`,
    ],
    [
      'hotspots',
      paths.length === 0 ? 0 : Math.min(1, hotspots.length / Math.min(2, paths.length)),
      hotspots.length === 0 ? 'No hotspots' : `Hotspots: ${hotspots.slice(0, 5).join(', ')}`,
    ],
    ['authorInexperience', inexperience, `Author new to ${newToAuthor} of ${paths.length} files`],
    [
      'dependencies',
      manifests.length > 0 ? 1 : 0,
      manifests.length > 0
        ? `Dependency changes: ${manifests.join(', ')}`
        : 'No dependency changes',
    ],
    [
      'agentAuthored',
      input.isAgentAuthored ? 1 : 0,
      input.isAgentAuthored ? 'Authored by an agent' : 'Authored by a person',
    ],
  ];
  const components = shares.map(([name, share, reason]) => ({
    name,
    points: round(weights[name] * share),
    max: weights[name],
    reason,
  }));
  const max = components.reduce((sum, component) => sum + component.max, 0);
  const total = components.reduce((sum, component) => sum + component.points, 0);
  return {
    score: max === 0 ? 0 : Math.round((total / max) * 100),
    components,
    criticalFiles: critical,
    hotspotFiles: hotspots,
  };
}
