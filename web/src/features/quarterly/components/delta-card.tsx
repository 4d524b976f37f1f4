import { metricById, type QuarterlyHeadline } from '@rework-radar/shared';
import { formatMetric, formatMetricChange, formatPercent } from '../../../lib/format';

const verdictWords: Record<QuarterlyHeadline['verdict'], string> = {
  better: 'better',
  worse: 'worse',
  unchanged: 'unchanged',
  neutral: 'changed, neither better nor worse',
  unknown: 'no comparison',
};

/** One metric: this quarter's value, the change since last quarter, coloured by its direction of good. */
export function DeltaCard({ headline }: { headline: QuarterlyHeadline }) {
  const arrow =
    headline.delta === null || headline.delta === 0 ? '→' : headline.delta > 0 ? '▲' : '▼';
  const change =
    headline.delta === null
      ? 'no previous value'
      : `${formatMetricChange(headline.delta, headline.unit)}${
          headline.relativeDelta === null
            ? ''
            : ` (${headline.relativeDelta > 0 ? '+' : ''}${formatPercent(headline.relativeDelta)})`
        }`;
  return (
    <article
      className={`delta-card delta-card--${headline.verdict}`}
      aria-label={headline.name}
      title={metricById(headline.metricId)?.definition}
    >
      <h3>{headline.name}</h3>
      <p className="delta-card__value">{formatMetric(headline.value, headline.unit)}</p>
      <p className="delta-card__delta">
        <span aria-hidden="true">{arrow}</span> {change}{' '}
        <span className="delta-card__verdict">{verdictWords[headline.verdict]}</span>
      </p>
      <p className="delta-card__universe">
        previous {formatMetric(headline.previousValue, headline.unit)} · {headline.universe.count}{' '}
        {headline.universe.noun}
      </p>
    </article>
  );
}
