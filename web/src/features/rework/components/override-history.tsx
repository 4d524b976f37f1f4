import type { ReworkDetail } from '@rework-radar/shared';
import { formatDateTime } from '../../../lib/format';
import { causeLabels } from '../../../lib/labels';

export function OverrideHistory({ overrides }: { overrides: ReworkDetail['overrides'] }) {
  if (overrides.length === 0) return <p className="muted">No one has overridden this cause.</p>;
  return (
    <ol className="evidence-list" aria-label="Override history">
      {overrides.map((entry) => (
        <li key={`${entry.at}-${entry.by}`}>
          <strong>{causeLabels[entry.cause]}</strong> by {entry.by || 'anonymous'},{' '}
          {formatDateTime(entry.at)}
          <blockquote>{entry.reason}</blockquote>
        </li>
      ))}
    </ol>
  );
}
