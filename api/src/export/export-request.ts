import { quarterLabelSchema, teamSlugSchema } from '@rework-radar/shared';
import { z } from 'zod';

/** `GET /api/export/quarterly.pdf|png`: the same scope as the quarterly page's URL. */
export const quarterlyExportQuerySchema = z
  .object({
    quarter: quarterLabelSchema,
    team: teamSlugSchema.optional().describe('team slug; absent = the organisation'),
  })
  .strict();
export type QuarterlyExportQuery = z.infer<typeof quarterlyExportQuerySchema>;

export type ExportFormat = 'pdf' | 'png';

/** The caller's credentials, handed to the page so it sees exactly what the caller may see. */
export interface ExportCredentials {
  authorization: string | undefined;
  cookie: string | undefined;
}

/** The quarterly page's own URL for a scope, on the app's base URL. */
export function quarterlyPageUrl(baseUrl: string, query: QuarterlyExportQuery): URL {
  const url = new URL('/quarterly', baseUrl);
  url.searchParams.set('quarter', query.quarter);
  if (query.team !== undefined) url.searchParams.set('team', query.team);
  return url;
}

/** `quarterly-2026-Q3-payments.pdf`: names the scope so saved files do not overwrite each other. */
export function exportFileName(query: QuarterlyExportQuery, format: ExportFormat): string {
  return `quarterly-${query.quarter}${query.team === undefined ? '' : `-${query.team}`}.${format}`;
}

/** `a=1; b=2` as name/value pairs (values kept verbatim: the page sends them back unchanged). */
export function parseCookieHeader(header: string | undefined): { name: string; value: string }[] {
  if (header === undefined) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => {
      const at = part.indexOf('=');
      return { name: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
    })
    .filter((cookie) => cookie.name !== '');
}
