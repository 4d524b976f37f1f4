import { detectAcceptanceCriteria, type AcceptanceCriteriaResult } from './acceptance-criteria';

/**
 * Pure functions over a work item's changelog: the ticket "as it was" at a moment (what the
 * analysis reads when work started), reopen count, and sprint stays. Changes use normalised
 * field keys (see `fieldKeyOf`).
 */
export interface ChangeFact {
  fieldKey: string;
  fromValue: string | null;
  fromString: string | null;
  toValue: string | null;
  toString: string | null;
  changedAt: Date;
}

export interface WorkItemState {
  summary: string;
  description: string | null;
  acceptanceCriteriaField: string | null;
  storyPoints: number | null;
  status: string;
  statusId: string | null;
}

export interface WorkItemStateAsOf extends WorkItemState {
  acceptanceCriteria: AcceptanceCriteriaResult;
}

export type StatusCategory = 'new' | 'indeterminate' | 'done';

const byTime = (a: ChangeFact, b: ChangeFact): number =>
  a.changedAt.getTime() - b.changedAt.getTime();

function parsePoints(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * The work item's fields as they were at `at`: each field takes the "from" side of its first
 * change after `at`, or its current value when it has not changed since.
 */
export function workItemAsOf(
  current: WorkItemState,
  changes: readonly ChangeFact[],
  at: Date,
): WorkItemStateAsOf {
  const state: WorkItemState = { ...current };
  const later = changes.filter((change) => change.changedAt.getTime() > at.getTime()).sort(byTime);
  const seen = new Set<string>();
  for (const change of later) {
    if (seen.has(change.fieldKey)) continue;
    seen.add(change.fieldKey);
    switch (change.fieldKey) {
      case 'summary':
        state.summary = change.fromString ?? state.summary;
        break;
      case 'description':
        state.description = change.fromString;
        break;
      case 'acceptance_criteria':
        state.acceptanceCriteriaField = change.fromString;
        break;
      case 'story_points':
        state.storyPoints = parsePoints(change.fromString ?? change.fromValue);
        break;
      case 'status':
        state.status = change.fromString ?? state.status;
        state.statusId = change.fromValue;
        break;
      default:
        break;
    }
  }
  return {
    ...state,
    acceptanceCriteria: detectAcceptanceCriteria(state.description, state.acceptanceCriteriaField),
  };
}

/** Done -> not-done transitions; `categoryOf` maps a status id or name to its category. */
export function reopenCount(
  changes: readonly ChangeFact[],
  categoryOf: (statusIdOrName: string) => StatusCategory | undefined,
): number {
  const category = (value: string | null, name: string | null): StatusCategory | undefined =>
    (value === null ? undefined : categoryOf(value)) ??
    (name === null ? undefined : categoryOf(name));
  return [...changes]
    .filter((change) => change.fieldKey === 'status')
    .sort(byTime)
    .filter(
      (change) =>
        category(change.fromValue, change.fromString) === 'done' &&
        category(change.toValue, change.toString) !== 'done',
    ).length;
}

export interface SprintStay {
  sprintId: number;
  addedAt: Date;
  removedAt: Date | null;
}

const sprintIdsOf = (value: string | null): number[] =>
  (value ?? '')
    .split(',')
    .map((part) => Number.parseInt(part.trim(), 10))
    .filter((id) => Number.isFinite(id));

/**
 * Sprint stays from the Sprint field's changelog: the set at creation is the current set with
 * every change undone; each change then opens and closes stays.
 */
export function sprintStays(
  currentSprintIds: readonly number[],
  changes: readonly ChangeFact[],
  createdAt: Date,
): SprintStay[] {
  const sprintChanges = changes.filter((change) => change.fieldKey === 'sprint').sort(byTime);
  let initial = [...currentSprintIds];
  for (const change of [...sprintChanges].reverse()) initial = sprintIdsOf(change.fromValue);
  const open = new Map<number, Date>(initial.map((id) => [id, createdAt]));
  const stays: SprintStay[] = [];
  for (const change of sprintChanges) {
    const next = new Set(sprintIdsOf(change.toValue));
    for (const [id, since] of [...open]) {
      if (!next.has(id)) {
        stays.push({ sprintId: id, addedAt: since, removedAt: change.changedAt });
        open.delete(id);
      }
    }
    for (const id of next) if (!open.has(id)) open.set(id, change.changedAt);
  }
  for (const [id, since] of open) stays.push({ sprintId: id, addedAt: since, removedAt: null });
  return stays.sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime() || a.sprintId - b.sprintId);
}
