import type { Team } from '@rework-radar/shared';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Skeleton } from '../../../components/states/query-states';
import { metricRows, metricsQueryOptions } from '../../../lib/api/get-metrics';
import type { Grain } from '../../../lib/scope';
import { teamMultipleMetrics } from '../api/overview-metrics';
import { MetricTrendChart as TrendChart } from '../../../components/chart/metric-trend-chart';

interface Props {
  teams: readonly Team[];
  grain: Grain;
  from: string;
  to: string;
}

/** The same two metrics for every team, side by side, so teams compare at a glance. */
export function TeamMultiples({ teams, grain, from, to }: Props) {
  const queries = useQueries({
    queries: teams.map((team) =>
      metricsQueryOptions({
        metricIds: teamMultipleMetrics,
        period: grain,
        from,
        to,
        team: team.slug,
      }),
    ),
  });
  return (
    <div className="grid-3">
      {teams.map((team, index) => {
        const query = queries[index];
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
                <Skeleton label={`Loading ${team.name}`} height={140} />
              )
            ) : (
              <TrendChart
                title={`${team.name}: rework from missing context`}
                metricIds={['context-missing-context-rework-share']}
                rows={metricRows(query.data.values, teamMultipleMetrics)}
                emptyReason={`No rework was attributed in ${team.name}'s repositories and members in these periods.`}
                height={140}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
