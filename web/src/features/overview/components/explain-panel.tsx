import { metricById, type ExplainRow, type PeriodKind } from '@rework-radar/shared';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { formatDate, formatMetric } from '../../../lib/format';
import { pullRequestLabel } from '../../../lib/references';
import { useMetricExplains } from '../api/get-metric-explain';

interface Props {
  metricIds: readonly string[];
  period: PeriodKind;
  start: string;
  team: string | undefined;
  closeHref: string;
}

function recordLink(row: ExplainRow) {
  if (row.kind === 'rework-item')
    return <Link to={`/rework/${encodeURIComponent(row.id)}`}>{row.id}</Link>;
  if (row.url !== null) {
    return (
      <a href={row.url} target="_blank" rel="noreferrer">
        {row.kind === 'pull-request' ? pullRequestLabel(row.id) : row.id}
      </a>
    );
  }
  return row.id;
}

/** The records behind a clicked chart point: what the value was computed from, with links. */
export function ExplainPanel({ metricIds, period, start, team, closeHref }: Props) {
  const queries = useMetricExplains(
    metricIds.map((metricId) => ({ metricId, period, start, team })),
  );
  const panel = useRef<HTMLElement>(null);
  // The click may come from a chart far down the page: bring the answer into view.
  useEffect(() => {
    const element = panel.current;
    if (element !== null && typeof element.scrollIntoView === 'function')
      element.scrollIntoView({ block: 'start' });
  }, [start, metricIds]);
  return (
    <section className="card explain-panel" aria-label="Records behind the point" ref={panel}>
      <div className="explain-panel__header">
        <h2>Records behind the point</h2>
        <Link to={closeHref} className="button button--secondary">
          Close
        </Link>
      </div>
      {metricIds.map((metricId, index) => {
        const query = queries[index];
        const definition = metricById(metricId);
        if (query === undefined || query.isPending)
          return (
            <Skeleton
              key={metricId}
              label={`Loading ${definition?.name ?? metricId}`}
              height={80}
            />
          );
        if (query.isError) {
          return (
            <ErrorPanel
              key={metricId}
              what={definition?.name ?? metricId}
              error={query.error}
              onRetry={() => void query.refetch()}
            />
          );
        }
        const answer = query.data;
        return (
          <article
            key={metricId}
            aria-label={`${definition?.name ?? metricId}, ${answer.period.label}`}
          >
            <h3>
              {definition?.name ?? metricId}, {answer.period.label}:{' '}
              {answer.value === null
                ? '—'
                : formatMetric(answer.value.value, definition?.unit ?? 'count')}
            </h3>
            <p className="muted">
              {answer.rule.replace(/\.$/, '')}: {answer.total} record{answer.total === 1 ? '' : 's'}
              {answer.items.length < answer.total ? `, the first ${answer.items.length} shown` : ''}
              .
            </p>
            {answer.items.length > 0 && (
              <div className="table-scroll">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Record</th>
                      <th scope="col">Title</th>
                      <th scope="col">Date</th>
                      <th scope="col">Figures</th>
                    </tr>
                  </thead>
                  <tbody>
                    {answer.items.map((row) => (
                      <tr key={`${row.kind}-${row.id}`}>
                        <td>{recordLink(row)}</td>
                        <td>{row.title ?? '—'}</td>
                        <td>{formatDate(row.at)}</td>
                        <td className="muted">
                          {Object.entries(row.facts)
                            .map(
                              ([key, value]) =>
                                `${key}: ${typeof value === 'number' ? String(Math.round(value * 100) / 100) : String(value)}`,
                            )
                            .join(' · ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </article>
        );
      })}
    </section>
  );
}
