/** Builds the issue search JQL: configured projects and/or filter, an `updated` bound, a stable order. */
export function formatJqlDate(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

export function buildIssueJql(options: {
  projects: readonly string[];
  jql: string | undefined;
  sinceMs: number | null;
  timeZone: string;
}): string {
  const clauses: string[] = [];
  if (options.projects.length > 0)
    clauses.push(`project in (${options.projects.map((key) => `"${key}"`).join(', ')})`);
  const custom = options.jql?.replace(/\border\s+by\b[\s\S]*$/i, '').trim();
  if (custom !== undefined && custom !== '') clauses.push(`(${custom})`);
  // Minutes precision, rounded down by the format: the bound never skips an update.
  if (options.sinceMs !== null)
    clauses.push(`updated >= "${formatJqlDate(options.sinceMs, options.timeZone)}"`);
  return `${clauses.join(' AND ')} ORDER BY updated ASC`;
}
