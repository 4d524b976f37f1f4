/**
 * Reopens of a work item: moves from a done status category to a not-done one. A reopen is a
 * mis-click and ignored when the item had been done for less than `transientMinutes`, or when it
 * went back to done within `transientMinutes` of the reopen.
 */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface StatusTransition {
  at: Date;
  fromStatus: string;
  toStatus: string;
  fromCategory: StatusCategory;
  toCategory: StatusCategory;
  /** Identity or person id of who moved it, when known. */
  by: string | null;
}

export interface Reopen {
  at: Date;
  by: string | null;
  fromStatus: string;
  toStatus: string;
  /** When the item was done before this reopen. */
  doneAt: Date | null;
}

export interface ReopenDetection {
  count: number;
  reopens: Reopen[];
  ignoredTransient: Reopen[];
}

export function detectReopens(
  transitions: readonly StatusTransition[],
  options: { transientMinutes: number },
): ReopenDetection {
  const sorted = [...transitions].sort((a, b) => a.at.getTime() - b.at.getTime());
  const transientMs = options.transientMinutes * 60_000;
  const reopens: Reopen[] = [];
  const ignoredTransient: Reopen[] = [];
  let doneAt: Date | null = null;
  sorted.forEach((transition, index) => {
    if (transition.toCategory === 'done' && transition.fromCategory !== 'done')
      doneAt = transition.at;
    if (transition.fromCategory !== 'done' || transition.toCategory === 'done') return;
    const reopen: Reopen = {
      at: transition.at,
      by: transition.by,
      fromStatus: transition.fromStatus,
      toStatus: transition.toStatus,
      doneAt,
    };
    const doneFor =
      doneAt === null ? Number.POSITIVE_INFINITY : transition.at.getTime() - doneAt.getTime();
    const backToDone = sorted.slice(index + 1).find((next) => next.toCategory === 'done');
    const reopenedFor =
      backToDone === undefined
        ? Number.POSITIVE_INFINITY
        : backToDone.at.getTime() - transition.at.getTime();
    (transientMs > 0 && (doneFor < transientMs || reopenedFor < transientMs)
      ? ignoredTransient
      : reopens
    ).push(reopen);
    doneAt = null;
  });
  return { count: reopens.length, reopens, ignoredTransient };
}
