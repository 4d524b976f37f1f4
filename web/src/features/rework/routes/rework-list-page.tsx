import { useSearchParams } from 'react-router';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useReworkList } from '../api/get-rework-list';
import { useReworkFilters } from '../api/rework-filters';
import { ReworkFilterBar } from '../components/rework-filter-bar';
import { ReworkTable, sortItems } from '../components/rework-table';
import './rework.css';

/** Rework explorer (EM): every rework item, filterable and sortable, each opening to its evidence. */
export function ReworkListPage() {
  const { filters, sort, update } = useReworkFilters();
  const [params] = useSearchParams();
  const list = useReworkList(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const search = params.toString();
  return (
    <section aria-labelledby="rework-title">
      <h1 id="rework-title">Rework explorer</h1>
      <p className="page-intro">
        Every revert, follow-up fix, reopened ticket, linked bug and incident, traced to the work it
        redid, with the cause and the evidence that decided it.
      </p>
      <ReworkFilterBar filters={filters} onChange={update} />
      {list.isPending ? (
        <Skeleton label="Loading rework items" height={320} />
      ) : list.isError ? (
        <ErrorPanel what="Rework items" error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state" role="status">
          No rework item matches these filters. Rework is detected from merged pull requests and
          Jira history after each sync; widen the dates or clear a filter.
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {items.length} item{items.length === 1 ? '' : 's'} loaded
            {list.hasNextPage ? ', more available' : ''}.
            {sort.key !== 'occurredAt' && list.hasNextPage
              ? ' Sorting covers the loaded items.'
              : ''}
          </p>
          <ReworkTable
            items={sortItems(items, sort)}
            sort={sort}
            onSort={(next) => update({ sort: next.key, dir: next.direction })}
            itemSearch={search === '' ? '' : `?${search}`}
          />
          {list.hasNextPage && (
            <button
              type="button"
              className="button load-more"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
