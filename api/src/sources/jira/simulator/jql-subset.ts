/**
 * The slice of JQL the simulator understands: project filters, an `updated >=` bound and
 * `ORDER BY updated`. Enough for what the connector sends; anything else is ignored.
 */
export interface JqlFilter {
  projectKeys: string[] | null;
  updatedFrom: number | null;
  issueKeys: string[] | null;
}

function listAfter(jql: string, field: string): string[] | null {
  const inList = new RegExp(`${field}\\s+in\\s*\\(([^)]*)\\)`, 'i').exec(jql);
  if (inList?.[1] !== undefined)
    return inList[1].split(',').map((part) => part.trim().replace(/^"|"$/g, ''));
  const single = new RegExp(`${field}\\s*=\\s*"?([A-Z][A-Z0-9_-]*)"?`, 'i').exec(jql);
  return single?.[1] === undefined ? null : [single[1]];
}

/** Wall-clock minutes in `timeZone` -> epoch ms (what Jira does with a JQL date). */
function zonedToEpoch(local: string, timeZone: string): number {
  const asUtc = Date.parse(`${local.replace(' ', 'T')}:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(asUtc));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return asUtc - (shown - asUtc);
}

export function parseJql(jql: string, timeZone = 'UTC'): JqlFilter {
  const updated = /updated\s*>=\s*"([^"]+)"/i.exec(jql);
  // JQL dates are minutes in the API user's time zone.
  const updatedFrom = updated?.[1] === undefined ? null : zonedToEpoch(updated[1], timeZone);
  return { projectKeys: listAfter(jql, 'project'), updatedFrom, issueKeys: listAfter(jql, 'key') };
}
