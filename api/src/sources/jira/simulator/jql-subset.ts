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
  if (inList?.[1] !== undefined) return inList[1].split(',').map((part) => part.trim().replace(/^"|"$/g, ''));
  const single = new RegExp(`${field}\\s*=\\s*"?([A-Z][A-Z0-9_-]*)"?`, 'i').exec(jql);
  return single?.[1] === undefined ? null : [single[1]];
}

export function parseJql(jql: string): JqlFilter {
  const updated = /updated\s*>=\s*"([^"]+)"/i.exec(jql);
  // JQL dates are minutes, read here in UTC (the connector formats them in UTC).
  const updatedFrom = updated?.[1] === undefined ? null : Date.parse(`${updated[1].replace(' ', 'T')}:00Z`);
  return { projectKeys: listAfter(jql, 'project'), updatedFrom, issueKeys: listAfter(jql, 'key') };
}
