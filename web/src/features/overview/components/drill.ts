/** The rework list filtered to one period (and cause): the items behind a chart point. */
export function reworkDrillHref(
  period: { start: string; end: string },
  cause?: string,
  team?: string,
): string {
  const lastDay = new Date(Date.parse(period.end) - 86_400_000);
  const params = new URLSearchParams({
    from: period.start.slice(0, 10),
    to: lastDay.toISOString().slice(0, 10),
  });
  if (cause !== undefined) params.set('cause', cause);
  if (team !== undefined) params.set('team', team);
  return `/rework?${params.toString()}`;
}
