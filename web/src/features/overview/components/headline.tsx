import type { MetricSeriesValue, Period } from '@rework-radar/shared';
import { Link } from 'react-router';
import { formatPercent } from '../../../lib/format';
import { headlineMetrics } from '../api/overview-metrics';
import { reworkDrillHref } from './drill';

interface Props {
  quarter: Period;
  values: readonly MetricSeriesValue[];
  team: string | undefined;
  /** False when the api has never computed the quarter's rollups. */
  computed: boolean;
}

function valueOf(values: readonly MetricSeriesValue[], id: string): MetricSeriesValue | undefined {
  return values.find((value) => value.metricId === id);
}

/** The one sentence a VP reads first: this quarter's rework traced to missing context, and its cost. */
export function Headline({ quarter, values, team, computed }: Props) {
  const share = valueOf(values, headlineMetrics.missingContextShare);
  const prs = valueOf(values, headlineMetrics.missingContextPrs);
  const days = valueOf(values, headlineMetrics.missingContextDays);
  const quarterName = quarter.label.replace('-', ' ');
  const href = reworkDrillHref(
    { start: quarter.start.toISOString(), end: quarter.end.toISOString() },
    'missing_context',
    team,
  );
  if (!computed) {
    return (
      <p className="headline" role="status">
        {quarterName}: the api has not computed this quarter's figures yet.{' '}
        <Link to={href} className="headline__link">
          See its missing-context rework
        </Link>
      </p>
    );
  }
  if (share?.value === null || share?.value === undefined) {
    return (
      <p className="headline" role="status">
        {quarterName}: no share of rework can be traced to missing context yet
        {share?.reason === undefined ? '.' : ` (${share.reason}).`}
      </p>
    );
  }
  const prCount = prs?.value ?? 0;
  const engineerDays = days?.value ?? 0;
  return (
    <p className="headline" role="status">
      In {quarterName}, <strong>{formatPercent(share.value)}</strong> of rework was traced to
      missing context:{' '}
      <strong>
        {prCount} PR{prCount === 1 ? '' : 's'}
      </strong>
      , about <strong>{Math.round(engineerDays)} engineer-days</strong>.{' '}
      <Link to={href} className="headline__link">
        See the items
      </Link>
    </p>
  );
}
