/**
 * The truth about the demo organisation, kept outside the simulators (a JSON file next to the
 * generated data): every injected rework item with its real origin and cause, and the story the
 * data tells. Tests measure detection recall/precision and cause accuracy against it.
 */

export type ReworkKind = 'revert' | 'follow-up-fix' | 'reopened' | 'linked-bug' | 'incident';
export type TrueCause = 'missing_context' | 'execution';

export interface GroundTruthItem {
  id: string;
  kind: ReworkKind;
  cause: TrueCause;
  team: string;
  /** `YYYY-MM` of the rework (not of the origin). */
  period: string;
  /** The rework's own PRs (in `repo`) and work items (bugs, the reopened item, the incident). */
  rework: {
    repo: string | null;
    pullRequests: number[];
    workItems: string[];
    incidentIssue: number | null;
  };
  origin: { repo: string; pullRequests: number[]; workItems: string[] };
  /** True when the rework PR changes or deletes lines the origin PR introduced (SZZ can find it). */
  modifiesOriginLines: boolean;
  /** The fix only adds tests (or guards): line tracing has nothing to blame. */
  onlyAddsTests: boolean;
  /** Signals deliberately put in the data, including contrary ones (noise), for diagnosis. */
  signals: string[];
}

export interface GroundTruthFile {
  generatorVersion: string;
  seed: number;
  scale: { prs: number };
  organization: string;
  story: {
    contextFirstTeam: string;
    contextFirstFrom: string;
    velocityTeam: string;
    velocityFrom: string;
  };
  items: GroundTruthItem[];
}
