import type { ReviewCalibrationResponse } from '@rework-radar/shared';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { formatDate } from '../../../lib/format';

interface Props {
  title: string;
  explanation: string;
  /** The range's pull requests with this flag (a page of up to 500). */
  flagged: UseQueryResult<ReviewCalibrationResponse>;
  empty: string;
}

/** A short table of flagged pull requests, each linking to GitHub, with how many there are. */
export function FlaggedPullRequests({ title, explanation, flagged, empty }: Props) {
  if (flagged.isError)
    return <ErrorPanel what={title} error={flagged.error} onRetry={() => void flagged.refetch()} />;
  if (flagged.data === undefined) return <Skeleton label={`Loading ${title.toLowerCase()}`} />;
  const points = flagged.data.items;
  const count = `${points.length}${flagged.data.nextCursor === null ? '' : '+'}`;
  return (
    <section className="card" aria-label={title}>
      <h2>
        {title} <span className="muted">({count})</span>
      </h2>
      <p className="muted">{explanation}</p>
      {points.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Pull request</th>
                <th scope="col">Author</th>
                <th scope="col">Merged</th>
                <th scope="col" className="num">
                  Risk
                </th>
                <th scope="col" className="num">
                  Depth
                </th>
              </tr>
            </thead>
            <tbody>
              {points.slice(0, 15).map((point) => (
                <tr key={point.pullRequestId}>
                  <td>
                    <a href={point.url} target="_blank" rel="noreferrer">
                      {point.repo}#{point.number}
                    </a>{' '}
                    {point.title}
                  </td>
                  <td>
                    {point.author ?? 'deleted account'}
                    {point.isAgent ? ' (agent)' : ''}
                  </td>
                  <td>{formatDate(point.mergedAt)}</td>
                  <td className="num">{Math.round(point.risk)}</td>
                  <td className="num">{Math.round(point.depth)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {points.length > 15 && <p className="muted">Showing the first 15 of {count}.</p>}
    </section>
  );
}
