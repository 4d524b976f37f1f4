import { reworkCauseSchema, reworkKindSchema } from '@rework-radar/shared';
import { causeLabels, kindLabels } from '../../../lib/labels';
import type { ReworkFilters } from '../api/rework-filters';

interface Props {
  filters: ReworkFilters;
  onChange: (patch: Record<string, string | undefined>) => void;
}

/** Filters written straight to the URL; the list refetches from there. */
export function ReworkFilterBar({ filters, onChange }: Props) {
  const hasAny =
    filters.cause !== undefined ||
    filters.kind !== undefined ||
    filters.repo !== undefined ||
    filters.from !== undefined ||
    filters.to !== undefined ||
    filters.minConfidence !== undefined;
  return (
    <form
      className="filter-bar"
      role="search"
      aria-label="Filter rework"
      onSubmit={(event) => event.preventDefault()}
    >
      <label>
        <span>Cause</span>
        <select
          value={filters.cause ?? ''}
          onChange={(event) => onChange({ cause: event.target.value })}
        >
          <option value="">Any cause</option>
          {reworkCauseSchema.options.map((cause) => (
            <option key={cause} value={cause}>
              {causeLabels[cause]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Kind</span>
        <select
          value={filters.kind ?? ''}
          onChange={(event) => onChange({ kind: event.target.value })}
        >
          <option value="">Any kind</option>
          {reworkKindSchema.options.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Repository</span>
        <input
          type="text"
          placeholder="owner/name"
          defaultValue={filters.repo ?? ''}
          key={filters.repo ?? ''}
          pattern="[\w.\-]+/[\w.\-]+"
          onBlur={(event) => onChange({ repo: event.target.value.trim() })}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange({ repo: event.currentTarget.value.trim() });
          }}
        />
      </label>
      <label>
        <span>From</span>
        <input
          type="date"
          value={filters.from ?? ''}
          onChange={(event) => onChange({ from: event.target.value })}
        />
      </label>
      <label>
        <span>To</span>
        <input
          type="date"
          value={filters.to ?? ''}
          onChange={(event) => onChange({ to: event.target.value })}
        />
      </label>
      <label>
        <span>Min. confidence</span>
        <select
          value={filters.minConfidence === undefined ? '' : String(filters.minConfidence)}
          onChange={(event) => onChange({ minConfidence: event.target.value })}
        >
          <option value="">Any</option>
          {[0.5, 0.6, 0.7, 0.8, 0.9].map((value) => (
            <option key={value} value={String(value)}>
              {Math.round(value * 100)}%
            </option>
          ))}
        </select>
      </label>
      {hasAny && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            onChange({
              cause: undefined,
              kind: undefined,
              repo: undefined,
              from: undefined,
              to: undefined,
              minConfidence: undefined,
            })
          }
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
