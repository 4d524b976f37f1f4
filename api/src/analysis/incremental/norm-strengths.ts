import { rarityStrength, type ProjectNorm } from '../core';

/**
 * A project's norm as the attribution uses it: the strengths it gives the "no criteria" and
 * "thin description" signals. Raw shares move with every new ticket; the strengths only move
 * in projects where the property is common, so most runs re-attribute nothing for norms.
 */
export function normStrengths(norms: ReadonlyMap<string, ProjectNorm>): Record<string, string> {
  const result: Record<string, string> = {};
  // The evidence text names the share (in whole percent) whenever the strength is below 1.
  const part = (share: number, started: number): string => {
    const strength = rarityStrength(share, started);
    return strength === 1 ? '1' : `${strength}@${Math.round(share * 100)}%`;
  };
  for (const [project, norm] of [...norms].sort(([a], [b]) => a.localeCompare(b)))
    result[project] =
      `${part(norm.noCriteriaShare, norm.started)}/${part(norm.thinShare, norm.started)}`;
  return result;
}

/** Projects whose strengths differ between two runs (or exist in only one). */
export function movedNorms(
  before: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): Set<string> {
  const moved = new Set<string>();
  for (const project of new Set([...Object.keys(before), ...Object.keys(now)]))
    if (before[project] !== now[project]) moved.add(project);
  return moved;
}
