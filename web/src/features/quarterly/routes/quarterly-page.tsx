import { metricById } from '@rework-radar/shared';
import { MetricTrendChart } from '../../../components/chart/metric-trend-chart';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useFocusQuarter } from '../../../components/scope/use-focus-quarter';
import { metricRows, useMetrics } from '../../../lib/api/get-metrics';
import { formatDateTime } from '../../../lib/format';
import { quartersEndingWith } from '../../../lib/quarters';
import { useScope } from '../../../lib/scope';
import { quarterlyCsvHref, quarterlyExportHref, useQuarterly } from '../api/get-quarterly';
import { DeltaCard } from '../components/delta-card';
import './quarterly.css';

const trendMetrics = [
  ['context-missing-context-rework-share'],
  ['review-depth-risk-correlation'],
  ['velocity-pull-request-throughput'],
  ['context-score-at-start-mean'],
] as const;

/** Quarterly review (Director): quarter over quarter, print-ready, with the same numbers as the dashboard. */
export function QuarterlyPage() {
  const { scope } = useScope();
  const quarter = useFocusQuarter();
  const review = useQuarterly(quarter?.label, scope.team);
  const quarters = quarter === undefined ? [] : quartersEndingWith(quarter, 4);
  const trends = useMetrics(
    quarter === undefined
      ? undefined
      : {
          metricIds: trendMetrics.flat(),
          period: 'quarter',
          from: quarters[0]?.start.toISOString() ?? '',
          to: quarter.end.toISOString(),
          team: scope.team,
        },
  );
  const title = `Quarterly review ${quarter?.label.replace('-', ' ') ?? ''}`;
  return (
    <section aria-labelledby="quarterly-title" className="quarterly">
      <div className="quarterly__header">
        <h1 id="quarterly-title">{title}</h1>
        {quarter !== undefined && (
          <div className="quarterly__actions no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              Print
            </button>
            <a
              className="button button--secondary"
              href={quarterlyCsvHref(quarter.label, scope.team)}
              download
            >
              Download CSV
            </a>
            <a
              className="button button--secondary"
              href={quarterlyExportHref('pdf', quarter.label, scope.team)}
              download
            >
              Export PDF
            </a>
            <a
              className="button button--secondary"
              href={quarterlyExportHref('png', quarter.label, scope.team)}
              download
            >
              Export PNG
            </a>
          </div>
        )}
      </div>
      {review.isError ? (
        <ErrorPanel
          what="The quarterly review"
          error={review.error}
          onRetry={() => void review.refetch()}
        />
      ) : review.data === undefined ? (
        <Skeleton label="Loading the quarterly review" height={300} />
      ) : (
        <>
          <p className="page-intro">
            {review.data.quarter.label} compared with {review.data.previousQuarter.label}
            {scope.team === undefined ? ', whole organisation' : `, team ${scope.team}`}
            {review.data.computedAt === null
              ? ''
              : `; figures computed ${formatDateTime(review.data.computedAt)}`}
            .
          </p>
          {review.data.computedAt === null && (
            <p className="notice" role="status">
              The api has not computed this quarter&apos;s figures yet: the values stay empty until
              the next analysis run writes them.
            </p>
          )}
          <section aria-labelledby="highlights-title" className="card quarterly__highlights">
            <h2 id="highlights-title">Highlights</h2>
            {review.data.computedAt === null ? (
              <p className="muted">No highlights until the figures are computed.</p>
            ) : review.data.highlights.length === 0 ? (
              <p className="muted">Nothing changed enough this quarter to call out.</p>
            ) : (
              <ul>
                {review.data.highlights.map((highlight) => (
                  <li key={highlight}>{highlight}</li>
                ))}
              </ul>
            )}
          </section>
          <h2>Quarter over quarter</h2>
          <div className="delta-grid">
            {review.data.headlines.map((headline) => (
              <DeltaCard key={headline.metricId} headline={headline} />
            ))}
          </div>
        </>
      )}
      <h2 className="print-break">Four quarters</h2>
      {trends.isError ? (
        <ErrorPanel
          what="The quarterly trends"
          error={trends.error}
          onRetry={() => void trends.refetch()}
        />
      ) : trends.data === undefined ? (
        <Skeleton label="Loading the quarterly trends" />
      ) : (
        <div className="grid-2">
          {trendMetrics.map((ids) => (
            <MetricTrendChart
              key={ids[0]}
              title={metricById(ids[0])?.name ?? ids[0]}
              metricIds={ids}
              rows={metricRows(trends.data.values, ids)}
              emptyReason={
                trends.data.computedAt === null && trends.data.values.length === 0
                  ? 'The api has not computed these metrics yet (no rollup exists for this scope).'
                  : 'No records fell in these quarters for this scope.'
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}
