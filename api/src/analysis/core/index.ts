/** The analysis engine's pure core: what services should call. No NestJS, no database, no network. */
export {
  analysisConfigSchema,
  AnalysisConfigError,
  defaultAnalysisConfig,
  executionSignalIds,
  missingContextSignalIds,
  parseAnalysisConfig,
  type AnalysisConfig,
  type AnalysisConfigInput,
  type ConfigFieldError,
  type ExecutionSignalId,
  type MissingContextSignalId,
  type SignalId,
} from './analysis-config';
export { precisionRecall, type PrecisionRecall } from './classifier-metrics';
export {
  detectRevert,
  type RevertDetection,
  type RevertInput,
  type RevertRule,
} from './revert-detection';
export {
  classifyFix,
  type FixCandidate,
  type FixClassification,
  type FixRule,
  type LinkedWorkItem,
} from './fix-classification';
export {
  selectFollowUpOrigins,
  type FollowUpFix,
  type FollowUpOrigin,
  type FollowUpSelection,
  type TracedIntroducer,
} from './follow-up-origins';
export {
  detectReopens,
  type Reopen,
  type ReopenDetection,
  type StatusCategory,
  type StatusTransition,
} from './reopen-detection';
export {
  detectLinkedBugs,
  type BugLink,
  type BugRecord,
  type LinkedBugDetection,
  type LinkedBugOrigin,
  type StoryRecord,
} from './linked-bugs';
export {
  linkIncident,
  type DeploymentRecord,
  type ExplicitIncidentLink,
  type IncidentLink,
  type IncidentLinkRule,
  type IncidentRecord,
} from './incident-linking';
export {
  contextScore,
  requirementFields,
  type ContextComponent,
  type ContextScore,
  type FieldChange,
  type WorkItemAtStart,
} from './context-score';
export {
  classifyClarifyingComment,
  clarifyingQuestionsBefore,
  type ClarifyingMatch,
  type ClarifyingVerdict,
  type CommentInput,
} from './clarifying-questions';
export { readDefectText, type DefectTextReading, type DefectTextSide } from './defect-text';
export {
  readTestExpectationChanges,
  touchesTestFiles,
  type ExpectationChange,
  type TestExpectationReading,
} from './test-expectation-changes';
export {
  attributeCause,
  attributionRulesVersion,
  circumstantialSignalIds,
  correlatedSignalGroups,
  directSignalIds,
  signalWeight,
  type Cause,
  type CauseAttribution,
  type CauseSide,
  type Evidence,
  type Signal,
} from './cause-attribution';
export {
  clarifyingQuestionsSignal,
  expectationTextSignal,
  noAcceptanceCriteriaSignal,
  requirementChurnSignal,
  testExpectationRewriteSignal,
  thinDescriptionSignal,
  untrackedOriginSignal,
  type ClarifyingQuestionEvidence,
  type OriginWorkItem,
} from './context-signals';
export {
  addsTestForUntestedPathSignal,
  clearStableTicketSignal,
  fastRevertAfterFailureSignal,
  faultTextSignal,
  lightReviewForRiskSignal,
  smallLocalFixSignal,
  type FixSize,
  type RevertTiming,
} from './execution-signals';
export { failureMentionedIn, type FailureMention } from './failure-mention';
export {
  reviewRisk,
  type ChangedFile,
  type RiskInput,
  type RiskScore,
  type ScoreComponent,
} from './review-risk';
export {
  calibrationFlags,
  isSubstantiveComment,
  reviewDepth,
  type CalibrationFlags,
  type DepthInput,
  type DepthScore,
  type ReviewComment,
  type ReviewRecord,
} from './review-depth';
export {
  refitWeights,
  type CauseMetrics,
  type LabelledItem,
  type RefitResult,
  type WeightModel,
} from './weight-refit';
export {
  defaultNormSettings,
  projectNorms,
  projectOfKey,
  rarityStrength,
  type NormSettings,
  type ProjectNorm,
  type TicketAtStart,
} from './context-norms';
export { globMatcher } from './glob-matcher';
