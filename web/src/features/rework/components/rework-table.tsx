import type { ReworkItemView } from '@rework-radar/shared';
import { Link } from 'react-router';
import { formatDate, formatPercent } from '../../../lib/format';
import { causeDefinitions, causeLabels, kindLabels } from '../../../lib/labels';
import { pullRequestLabel } from '../../../lib/references';
import type { Sort, SortKey } from '../api/rework-filters';

const columns: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'occurredAt', label: 'When' },
  { key: 'kind', label: 'Kind' },
  { key: 'cause', label: 'Cause' },
  { key: 'confidence', label: 'Confidence', numeric: true },
  { key: 'effortLines', label: 'Effort (lines)', numeric: true },
  { key: 'effortHours', label: 'Effort (hours)', numeric: true },
];

function sortValue(item: ReworkItemView, key: SortKey): string | number {
  switch (key) {
    case 'occurredAt':
      return item.occurredAt;
    case 'kind':
      return item.kind;
    case 'cause':
      return item.cause;
    case 'confidence':
      return item.confidence;
    case 'effortLines':
      return item.effort.lines;
    case 'effortHours':
      return item.effort.cycleHours ?? -1;
  }
}

/** Sorts the loaded rows; the api pages newest first, so other orders cover what is loaded. */
export function sortItems(items: readonly ReworkItemView[], sort: Sort): ReworkItemView[] {
  const factor = sort.direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    return (left < right ? -1 : left > right ? 1 : 0) * factor || a.id.localeCompare(b.id);
  });
}

interface Props {
  items: readonly ReworkItemView[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  itemSearch: string;
}

export function ReworkTable({ items, sort, onSort, itemSearch }: Props) {
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Rework items">
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric === true ? 'num' : undefined}
                  aria-sort={
                    active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                  }
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      onSort({
                        key: column.key,
                        direction: active && sort.direction === 'desc' ? 'asc' : 'desc',
                      })
                    }
                  >
                    {column.label}
                    <span aria-hidden="true">
                      {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">Origin</th>
            <th scope="col">Repository</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link to={`/rework/${encodeURIComponent(item.id)}${itemSearch}`}>
                  {formatDate(item.occurredAt)}
                </Link>
              </td>
              <td>{kindLabels[item.kind]}</td>
              <td>
                <span className={`badge badge--${item.cause}`} title={causeDefinitions[item.cause]}>
                  {causeLabels[item.cause]}
                </span>
                {item.override !== null && <span className="muted"> (overridden)</span>}
              </td>
              <td className="num">{formatPercent(item.confidence)}</td>
              <td className="num">{item.effort.lines}</td>
              <td className="num">
                {item.effort.cycleHours === null ? '—' : Math.round(item.effort.cycleHours)}
              </td>
              <td>
                {[...item.origin.workItems, ...item.origin.pullRequests.map(pullRequestLabel)].join(
                  ', ',
                ) || '—'}
              </td>
              <td>{item.repo ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
