/**
 * How common each "weak ticket" property is in a project's own work. A property that nearly every
 * ticket of a project has (no acceptance criteria in a team that never writes them) cannot tell
 * the rework caused by missing context from the rest; the same property in a project where it is
 * rare is strong evidence. Strength = (1 - share) / (1 - neutralShare), capped to [floor, 1]:
 * at or below `neutralShare` the signal keeps its full weight. Rounded to steps of 0.05.
 */
export interface TicketAtStart {
  project: string;
  hasCriteria: boolean;
  thinDescription: boolean;
}

export interface ProjectNorm {
  started: number;
  noCriteriaShare: number;
  thinShare: number;
}

export interface NormSettings {
  /** Fewer started tickets than this: the norm is unknown and signals keep their full weight. */
  minTickets: number;
  neutralShare: number;
  floor: number;
}

export const defaultNormSettings: NormSettings = { minTickets: 20, neutralShare: 0.5, floor: 0.3 };

/** `ABC-12` -> `ABC`. */
export function projectOfKey(key: string): string {
  const dash = key.lastIndexOf('-');
  return dash <= 0 ? key : key.slice(0, dash);
}

export function projectNorms(tickets: Iterable<TicketAtStart>): Map<string, ProjectNorm> {
  const counts = new Map<string, { started: number; noCriteria: number; thin: number }>();
  for (const ticket of tickets) {
    const entry = counts.get(ticket.project) ?? { started: 0, noCriteria: 0, thin: 0 };
    entry.started += 1;
    if (!ticket.hasCriteria) entry.noCriteria += 1;
    if (ticket.thinDescription) entry.thin += 1;
    counts.set(ticket.project, entry);
  }
  return new Map(
    [...counts].map(([project, entry]) => [
      project,
      {
        started: entry.started,
        noCriteriaShare: entry.noCriteria / entry.started,
        thinShare: entry.thin / entry.started,
      },
    ]),
  );
}

/** The strength a weak-ticket signal keeps, given how common the property is in its project. */
export function rarityStrength(
  share: number | undefined,
  started: number,
  settings: NormSettings = defaultNormSettings,
): number {
  if (share === undefined || started < settings.minTickets) return 1;
  const strength = (1 - share) / (1 - settings.neutralShare);
  // Steps of 0.05: a project's share is a population figure, and finer steps would move (and
  // re-attribute every item of the project) with each new ticket a sync brings.
  return Math.round(Math.min(1, Math.max(settings.floor, strength)) * 20) / 20;
}
