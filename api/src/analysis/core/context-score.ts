import {
  detectAcceptanceCriteria,
  type AcceptanceCriteriaResult,
} from '../../sources/jira/acceptance-criteria';
import type { AnalysisConfig } from './analysis-config';

/**
 * Context score (0-100) of a work item as it was when work started. Each component shows its
 * points, maximum and reason, so a score can be explained line by line. The caller rebuilds the
 * ticket at start (e.g. `workItemAsOf`) and passes the field changes made after start.
 */
export interface WorkItemAtStart {
  summary: string;
  description: string | null;
  acceptanceCriteriaField: string | null;
  storyPoints: number | null;
  /** Original time estimate in seconds, when the team estimates in time rather than points. */
  timeEstimateSeconds?: number | null;
  parentKey: string | null;
  /** Remote links / web links on the item (descriptions' own URLs are read too). */
  linkUrls?: readonly string[];
}

export interface FieldChange {
  /** Normalised key as the Jira connector stores it: description, acceptance_criteria, story_points... */
  fieldKey: string;
  changedAt: Date;
}

export type ContextComponentName =
  | 'acceptanceCriteria'
  | 'descriptionDepth'
  | 'designLinks'
  | 'parentContext'
  | 'estimate'
  | 'stability';

export interface ContextComponent {
  name: ContextComponentName;
  points: number;
  max: number;
  reason: string;
}

export interface ContextScore {
  score: number;
  components: ContextComponent[];
  acceptanceCriteria: AcceptanceCriteriaResult;
  descriptionWords: number;
  thinDescription: boolean;
  /** Changes to the requirement fields after start, in time order. */
  churn: FieldChange[];
  designLinks: string[];
}

export const requirementFields = new Set([
  'description',
  'acceptance_criteria',
  'story_points',
  'summary',
  'time_estimate',
  'original_estimate',
]);

const designLink =
  /https?:\/\/[^\s)\]|>]*(atlassian\.net\/wiki|\/confluence\/|\/display\/|docs\.google\.com|drive\.google\.com|notion\.so|notion\.site|figma\.com|miro\.com|lucid\.app|lucidchart\.com|whimsical\.com|sharepoint\.com|quip\.com|coda\.io|\/adrs?\/|\/rfcs?\/|\/design-docs?\/|\/specs?\/)[^\s)\]|>]*/gi;

function words(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Structure: paragraphs, lists, headings, tables; each a sign the writer organised the need. */
function structureMarks(text: string): string[] {
  const marks: string[] = [];
  if (/^\s*(#{1,6}\s|h[1-6]\.\s|\*[^*\n]+\*\s*$)/m.test(text)) marks.push('headings');
  if ((text.match(/^\s*(?:[-*+#]|\d+[.)])\s+\S/gm) ?? []).length >= 2) marks.push('a list');
  if (/\n\s*\n/.test(text.trim())) marks.push('paragraphs');
  if (/^\s*\|.*\|/m.test(text)) marks.push('a table');
  return marks;
}

const round = (value: number): number => Math.round(value * 10) / 10;

export function contextScore(
  item: WorkItemAtStart,
  changesAfterStart: readonly FieldChange[],
  config: AnalysisConfig,
): ContextScore {
  const settings = config.contextScore;
  const weights = settings.weights;
  const description = item.description ?? '';
  const components: ContextComponent[] = [];

  const criteria = detectAcceptanceCriteria(description, item.acceptanceCriteriaField);
  components.push({
    name: 'acceptanceCriteria',
    points: criteria.found ? weights.acceptanceCriteria : 0,
    max: weights.acceptanceCriteria,
    reason: criteria.found
      ? `Acceptance criteria present (${criteria.source ?? 'found'})`
      : 'No acceptance criteria (field, heading, checklist or Given/When/Then) at start',
  });

  // Depth: 70% from length on a square-root curve (the first words matter most), 30% from structure.
  const count = words(description);
  const marks = structureMarks(description);
  const lengthShare = Math.min(1, Math.sqrt(count / settings.richDescriptionWords));
  const structureShare = Math.min(1, marks.length / 2);
  const thin = count < settings.thinDescriptionWords;
  components.push({
    name: 'descriptionDepth',
    points: round(weights.descriptionDepth * (0.7 * lengthShare + 0.3 * structureShare)),
    max: weights.descriptionDepth,
    reason: `${count} words${marks.length > 0 ? `, with ${marks.join(', ')}` : ', no structure'}${thin ? ' (thin)' : ''}`,
  });

  const urls = [...(item.linkUrls ?? []), ...(description.match(/https?:\/\/\S+/g) ?? [])];
  const design = [...new Set(urls.flatMap((url) => url.match(designLink) ?? []))];
  components.push({
    name: 'designLinks',
    points: design.length > 0 ? weights.designLinks : 0,
    max: weights.designLinks,
    reason:
      design.length > 0
        ? `Links to ${design.length} design document(s)`
        : 'No link to a design document (Confluence, Google Docs, Notion, Figma, ADR/RFC)',
  });

  components.push({
    name: 'parentContext',
    points: item.parentKey !== null ? weights.parentContext : 0,
    max: weights.parentContext,
    reason: item.parentKey !== null ? `Part of ${item.parentKey}` : 'No parent or epic',
  });

  const estimated = (item.storyPoints ?? 0) > 0 || (item.timeEstimateSeconds ?? 0) > 0;
  components.push({
    name: 'estimate',
    points: estimated ? weights.estimate : 0,
    max: weights.estimate,
    reason: estimated
      ? item.storyPoints !== null && item.storyPoints > 0
        ? `Estimated at ${item.storyPoints} points`
        : 'Time estimate present'
      : 'Not estimated at start',
  });

  const churn = changesAfterStart
    .filter((change) => requirementFields.has(change.fieldKey))
    .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const stability = Math.max(0, 1 - churn.length / settings.churnForZeroStability);
  components.push({
    name: 'stability',
    points: round(weights.stability * stability),
    max: weights.stability,
    reason:
      churn.length === 0
        ? 'No requirement changes after start'
        : `${churn.length} change(s) after start: ${[...new Set(churn.map((change) => change.fieldKey))].join(', ')}`,
  });

  const total = components.reduce((sum, component) => sum + component.points, 0);
  const max = components.reduce((sum, component) => sum + component.max, 0);
  return {
    score: max === 0 ? 0 : Math.round((total / max) * 100),
    components,
    acceptanceCriteria: criteria,
    descriptionWords: count,
    thinDescription: thin,
    churn,
    designLinks: design,
  };
}
