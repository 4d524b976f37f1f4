import {
  AnalysisFixTrace,
  AnalysisModel,
  AnalysisModelActivation,
  AnalysisRun,
} from './analysis-model.entity';
import { CauseAttributionRow, CauseOverride } from './cause-attribution.entity';
import { PullRequestClarification, WorkItemClarification } from './clarification.entity';
import { ReworkItem } from './rework-item.entity';
import { PullRequestReviewScore, WorkItemContext } from './scores.entity';

/** The analysis layer's tables. */
export const analysisEntities = [
  ReworkItem,
  CauseAttributionRow,
  CauseOverride,
  WorkItemContext,
  PullRequestReviewScore,
  AnalysisModel,
  AnalysisModelActivation,
  AnalysisRun,
  AnalysisFixTrace,
  PullRequestClarification,
  WorkItemClarification,
];
