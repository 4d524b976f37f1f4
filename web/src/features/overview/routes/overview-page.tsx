import { metricById } from '@rework-radar/shared';
import { useSearchParams } from 'react-router';
import type { ChartRow } from '../../../components/chart/chart';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useFocusQuarter } from '../../../components/scope/use-focus-quarter';
import { metricRows, useMetrics } from '../../../lib/api/get-metrics';
import { useCurrentUser } from '../../../lib/api/current-user';
import { useTeams } from '../../../lib/api/get-teams';
import { quartersEndingWith } from '../../../lib/quarters';
import { useScope } from '../../../lib/scope';
import { allOverviewMetricIds, headlineMetrics, overviewMetrics } from '../api/overview-metrics';
import { ExplainPanel } from '../components/explain-panel';
import { Headline } from '../components/headline';
import { ReworkCauseChart } from '../components/rework-cause-chart';
import { TeamMultiples } from '../components/team-multiples';
import { MetricTrendChart as TrendChart } from '../../../components/chart/metric-trend-chart';
import './overview.css';

const noRecords =
  'No records fell in these periods for this scope; pick an earlier quarter or another team.';
/** Said instead when the api has never computed the rollups the charts read. */
export const notComputed =
  'The api has not computed these metrics yet (no rollup exists for this scope); they appear after the next analysis run.';

/** Overview (VP): legacy velocity next to context quality, review calibration and rework by cause. */
export function OverviewPage() {
  const { scope } = useScope();
  const [params] = useSearchParams();
  const quarter = useFocusQuarter();
  const explainIds = (params.get('explain') ?? '')
    .split(',')
    .filter((id) => metricById(id) !== undefined);
  const explainStart = params.get('start');
  /** A chart point opens the records behind it, in the URL like every other view state. */
  const pointHref = (metricIds: readonly string[]) => (row: ChartRow) => {
    if (typeof row.start !== 'string') return undefined;
    const next = new URLSearchParams(params);
    next.set('explain', metricIds.join(','));
    next.set('start', row.start);
    return `?${next.toString()}`;
  };
  const closeParams = new URLSearchParams(params);
  closeParams.delete('explain');
  closeParams.delete('start');
  const teams = useTeams();
  const me = useCurrentUser();
  // Engineering managers compare their own teams only (the api refuses the others to them).
  const comparedTeams =
    teams.data?.teams.filter(
      (team) => me.data?.role !== 'manager' || me.data.teamSlugs.includes(team.slug),
    ) ?? [];
  const range = quarter === undefined ? undefined : quartersEndingWith(quarter, 4);
  const from = range?.[0]?.start.toISOString() ?? '';
  const to = quarter?.end.toISOString() ?? '';
  const trend = useMetrics(
    quarter === undefined
      ? undefined
      : { metricIds: allOverviewMetricIds, period: scope.grain, from, to, team: scope.team },
  );
  const headline = useMetrics(
    quarter === undefined
      ? undefined
      : {
          metricIds: Object.values(headlineMetrics),
          period: 'quarter',
          from: quarter.start.toISOString(),
          to,
          team: scope.team,
        },
  );
  const rows = trend.data === undefined ? [] : metricRows(trend.data.values, allOverviewMetricIds);
  const neverComputed = trend.data?.computedAt === null && trend.data.values.length === 0;
  const noData = neverComputed ? notComputed : noRecords;
  const emptyBecause = (reason: string) => (neverComputed ? notComputed : reason);
  const teamName = teams.data?.teams.find((team) => team.slug === scope.team)?.name;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview{teamName === undefined ? '' : `: ${teamName}`}</h1>
      {quarter === undefined || headline.isPending ? (
        <Skeleton label="Loading the headline" height={48} />
      ) : headline.isError ? (
        <ErrorPanel
          what="The headline"
          error={headline.error}
          onRetry={() => void headline.refetch()}
        />
      ) : (
        <Headline
          quarter={quarter}
          values={headline.data.values}
          team={scope.team}
          computed={headline.data.computedAt !== null || headline.data.values.length > 0}
        />
      )}
      <p className="page-intro">
        Legacy velocity on the left, what decides rework on the right: the four quarters to{' '}
        {quarter?.label ?? '…'}.
      </p>
      {trend.isError ? (
        <ErrorPanel what="The trends" error={trend.error} onRetry={() => void trend.refetch()} />
      ) : trend.data === undefined ? (
        <div className="grid-2">
          {[1, 2, 3, 4, 5, 6].map((index) => (
            <Skeleton key={index} label="Loading chart" />
          ))}
        </div>
      ) : (
        <div className="contrast">
          <h2 className="contrast__side">Legacy velocity</h2>
          <h2 className="contrast__side">Context, review and rework</h2>
          <TrendChart
            title="Throughput"
            metricIds={overviewMetrics.throughput}
            pointHref={pointHref(overviewMetrics.throughput)}
            rows={rows}
            emptyReason={noData}
          />
          <TrendChart
            title="Context score at start"
            metricIds={overviewMetrics.contextScore}
            pointHref={pointHref(overviewMetrics.contextScore)}
            rows={rows}
            emptyReason={noData}
          />
          <TrendChart
            title="Pull request cycle time"
            metricIds={overviewMetrics.cycleTime}
            pointHref={pointHref(overviewMetrics.cycleTime)}
            rows={rows}
            emptyReason={noData}
          />
          <TrendChart
            title="Review calibration"
            metricIds={overviewMetrics.calibration}
            pointHref={pointHref(overviewMetrics.calibration)}
            rows={rows}
            emptyReason={emptyBecause(
              'Too few scored pull requests were merged in these periods to rank depth against risk.',
            )}
          />
          <TrendChart
            title="Story points per sprint"
            metricIds={overviewMetrics.storyPoints}
            pointHref={pointHref(overviewMetrics.storyPoints)}
            rows={rows}
            emptyReason={emptyBecause(
              'No sprint ended in these periods, or no completed item had an estimate.',
            )}
          />
          <ReworkCauseChart
            rows={rows}
            team={scope.team}
            emptyReason={emptyBecause(
              'No rework was detected in these periods, so there is no effort to split by cause.',
            )}
          />
        </div>
      )}
      {explainIds.length > 0 && explainStart !== null && (
        <ExplainPanel
          metricIds={explainIds}
          period={scope.grain}
          start={explainStart}
          team={scope.team}
          closeHref={`?${closeParams.toString()}`}
        />
      )}
      <h2>Teams</h2>
      {teams.isError ? (
        <ErrorPanel what="Teams" error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data === undefined || quarter === undefined ? (
        <Skeleton label="Loading teams" height={140} />
      ) : comparedTeams.length === 0 ? (
        <p className="muted">
          No teams are defined yet; define them in Settings to compare teams here.
        </p>
      ) : (
        <TeamMultiples teams={comparedTeams} grain={scope.grain} from={from} to={to} />
      )}
    </section>
  );
}
