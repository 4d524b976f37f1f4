import type { Team } from '@rework-radar/shared';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Skeleton } from '../../../components/states/query-states';
import { metricRows, metricsQueryOptions } from '../../../lib/api/get-metrics';
import type { Grain } from '../../../lib/scope';
import { teamMultipleMetrics } from '../api/overview-metrics';
import { MetricTrendChart as TrendChart } from '../../../components/chart/metric-trend-chart';
import type { ChartRow } from '../../../components/chart/chart';

interface Props {
  teams: readonly Team[];
  grain: Grain;
  from: string;
  to: string;
}

const metricIds = Object.values(teamMultipleMetrics);

/** One scale per metric across the teams, so small multiples compare by height: the largest value any team has. */
export function sharedAxisMax(
  rowsOfTeams: ReadonlyArray<readonly ChartRow[]>,
  metricId: string,
): number | undefined {
  let max: number | undefined;
  for (const rows of rowsOfTeams)
    for (const row of rows) {
      const value = row[metricId];
      if (typeof value === 'number' && (max === undefined || value > max)) max = value;
    }
  return max;
}

/**
 * The same two metrics for every team, side by side, so teams compare at a glance: story points
 * per sprint (what velocity rewards) over the rework PRs missing context caused.
 */
export function TeamMultiples({ teams, grain, from, to }: Props) {
  const queries = useQueries({
    queries: teams.map((team) =>
      metricsQueryOptions({ metricIds, period: grain, from, to, team: team.slug }),
    ),
  });
  const rowsOf = queries.map((query) =>
    query.data === undefined ? [] : metricRows(query.data.values, metricIds),
  );
  const axisMax = (metricId: string): number | undefined => sharedAxisMax(rowsOf, metricId);
  return (
    <div className="grid-3">
      {teams.map((team, index) => {
        const query = queries[index];
        const rows = rowsOf[index] ?? [];
        return (
          <div key={team.slug} className="team-multiple">
            <h3>
              <Link to={`?team=${team.slug}`}>{team.name}</Link>
            </h3>
            {query?.data === undefined ? (
              query?.isError === true ? (
                <p role="alert">
                  Could not load {team.name}: {query.error.message}
                </p>
              ) : (
                <Skeleton label={`Loading ${team.name}`} height={260} />
              )
            ) : (
              <>
                <TrendChart
                  title={`${team.name}: story points per sprint`}
                  metricIds={[teamMultipleMetrics.storyPoints]}
                  rows={rows}
                  valueAxisMax={axisMax(teamMultipleMetrics.storyPoints)}
                  emptyReason={`No sprint of ${team.name} ended in these periods.`}
                  height={120}
                />
                <TrendChart
                  title={`${team.name}: missing-context rework`}
                  metricIds={[teamMultipleMetrics.missingContextPrs]}
                  rows={rows}
                  valueAxisMax={axisMax(teamMultipleMetrics.missingContextPrs)}
                  emptyReason={`No rework was attributed in ${team.name}'s repositories and members in these periods.`}
                  height={120}
                />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
