import { lazy, Suspense } from 'react';
import { Skeleton } from '../../../components/states/query-states';
import { useHealth } from '../api/get-health';
import { useReadingHistory } from '../components/use-reading-history';
import './health-page.css';

const LatencyChart = lazy(() =>
  import('../components/latency-chart').then((module) => ({ default: module.LatencyChart })),
);

const statusText = {
  ok: 'Healthy',
  degraded: 'Degraded: migrations pending',
  down: 'Down: the database is unreachable',
} as const;

export function HealthPage() {
  const { data, error, isPending, refetch } = useHealth();
  const history = useReadingHistory(data);

  if (isPending) {
    return (
      <section aria-busy="true" aria-label="System health">
        <h1>System health</h1>
        <Skeleton label="Loading system health" height={160} />
      </section>
    );
  }
  if (data === undefined) {
    return (
      <section aria-label="System health">
        <h1>System health</h1>
        <div role="alert" className="error-panel">
          <p>The api did not answer: {error.message}</p>
          <button type="button" onClick={() => void refetch()}>
            Retry
          </button>
        </div>
      </section>
    );
  }

  const { health } = data;
  const migrations = health.database.migrations;
  return (
    <section aria-label="System health">
      <h1>System health</h1>
      <p className={`status status--${health.status}`} role="status">
        {statusText[health.status]}
      </p>
      <dl className="facts">
        <dt>Database engine</dt>
        <dd>
          {health.database.engine === 'embedded'
            ? 'Embedded PostgreSQL'
            : 'External PostgreSQL (DATABASE_URL)'}
        </dd>
        <dt>Server</dt>
        <dd>{health.database.serverVersion ?? 'unreachable'}</dd>
        <dt>Migrations applied</dt>
        <dd>{migrations?.applied ?? '—'}</dd>
        <dt>Migrations pending</dt>
        <dd>{migrations?.pending ?? '—'}</dd>
        <dt>Latest migration</dt>
        <dd>{migrations?.latest ?? '—'}</dd>
        <dt>Api version</dt>
        <dd>{health.version}</dd>
        <dt>Up for</dt>
        <dd>{Math.round(health.uptimeSeconds)} s</dd>
      </dl>
      <Suspense fallback={<Skeleton label="Loading the latency chart" />}>
        <LatencyChart readings={history} />
      </Suspense>
    </section>
  );
}
