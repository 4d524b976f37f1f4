import type { ReworkDetail } from '@rework-radar/shared';
import { formatPercent } from '../../../lib/format';
import { causeDefinitions, causeLabels, modelReasonText } from '../../../lib/labels';

/** The model's answer next to the cause in force (the override when a manager set one). */
export function CausePanel({ item }: { item: ReworkDetail }) {
  const { scores } = item.model;
  const total = scores.missing_context + scores.execution;
  const contextShare = total === 0 ? 0.5 : scores.missing_context / total;
  return (
    <section className="card" aria-labelledby="cause-title">
      <h2 id="cause-title">Cause</h2>
      <p>
        <span className={`badge badge--${item.cause}`} title={causeDefinitions[item.cause]}>
          {causeLabels[item.cause]}
        </span>{' '}
        {item.override === null
          ? `model answer, ${formatPercent(item.confidence)} confidence`
          : `set by ${item.override.by || 'anonymous'}`}
      </p>
      <dl className="facts-inline">
        <dt>Model answer</dt>
        <dd>
          {causeLabels[item.model.cause]} ({formatPercent(item.model.confidence)} confidence, model
          v{item.model.version})
        </dd>
        <dt>Why</dt>
        <dd>{modelReasonText(item.model.reason, item.model.confidence)}</dd>
        <dt>Scores</dt>
        <dd>
          <div
            className="score-bar"
            role="img"
            aria-label={`Missing context ${scores.missing_context.toFixed(2)}, execution ${scores.execution.toFixed(2)}`}
          >
            <span style={{ width: `${contextShare * 100}%` }} />
            <span style={{ width: `${(1 - contextShare) * 100}%` }} />
          </div>
          Missing context {scores.missing_context.toFixed(2)} · Execution{' '}
          {scores.execution.toFixed(2)}
        </dd>
        {item.override !== null && (
          <>
            <dt>Override reason</dt>
            <dd>{item.override.reason}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
