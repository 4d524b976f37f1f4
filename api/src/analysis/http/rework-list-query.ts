/** `?format=csv`, or no format and an `Accept` naming text/csv, asks for CSV. */
export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  return (
    format === 'csv' || (format === undefined && (accept ?? '').toLowerCase().includes('text/csv'))
  );
}
