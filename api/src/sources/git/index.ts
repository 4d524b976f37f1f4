/** The git source: bare mirrors and the SZZ-style line tracer. What other modules should call. */
export { ensureMirror, mirrorPath, type EnsureMirrorInput } from './git-mirror';
export {
  traceFix,
  type BlamedLine,
  type IntroducingCommit,
  type TraceFixInput,
  type TraceResult,
  type TraceStats,
} from './szz-tracer';
export {
  filterIntroducersByWindow,
  mergeIntroducers,
  traceFixRange,
  type RangeTraceResult,
  type WindowFilter,
} from './trace-range';
export {
  defaultIgnoredPaths,
  defaultTraceOptions,
  plainBlameOptions,
  traceOptionsSchema,
  type TraceOptions,
  type TraceOptionsInput,
} from './trace-options';
export {
  mapIntroducersToPullRequests,
  type OriginPullRequest,
  type PullRequestLookup,
  type PullRequestMapping,
} from './pull-request-mapping';
export { GitCommandError } from './git-command';
export { CommitFacts } from './cosmetic-commit';
