import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { formatDate } from '../../../lib/format';
import { kindLabels } from '../../../lib/labels';
import { pullRequestLabel } from '../../../lib/references';
import { useReworkItem } from '../api/get-rework-item';
import { CausePanel } from '../components/cause-panel';
import { EvidenceList } from '../components/evidence-list';
import { OriginSection } from '../components/origin-section';
import { OverrideForm } from '../components/override-form';
import { OverrideHistory } from '../components/override-history';
import './rework.css';

/** One rework item: what was redone, its origin as it was at start, the evidence, and the override. */
export function ReworkItemPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const query = useReworkItem(id);
  const back = `/rework${params.size > 0 ? `?${params.toString()}` : ''}`;
  if (query.isPending) return <Skeleton label="Loading rework item" height={400} />;
  if (query.isError) {
    return (
      <section aria-label="Rework item">
        <p>
          <Link to={back}>← All rework</Link>
        </p>
        <ErrorPanel
          what="This rework item"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      </section>
    );
  }
  const item = query.data;
  return (
    <section aria-labelledby="item-title">
      <p className="no-print">
        <Link to={back}>← All rework</Link>
      </p>
      <h1 id="item-title">
        {kindLabels[item.kind]}{' '}
        {item.rework.pullRequests.map(pullRequestLabel).concat(item.rework.workItems).join(', ')}
      </h1>
      <p className="page-intro">
        {item.repo ?? 'No repository'} · happened {formatDate(item.occurredAt)} · detected by{' '}
        {item.detection.rule} · effort {item.effort.pullRequests} PR
        {item.effort.pullRequests === 1 ? '' : 's'}, {item.effort.lines} lines
        {item.effort.cycleHours === null ? '' : `, ${Math.round(item.effort.cycleHours)} h`}
      </p>
      <div className="item-grid">
        <div className="stack">
          <CausePanel item={item} />
          <section className="card" aria-labelledby="evidence-title">
            <h2 id="evidence-title">Evidence</h2>
            <EvidenceList evidence={item.evidence} />
          </section>
          <section className="card" aria-labelledby="detection-title">
            <h2 id="detection-title">How it was detected</h2>
            <ul>
              {item.detection.facts.map((fact) => (
                <li key={fact}>{fact}</li>
              ))}
            </ul>
            {item.detection.links.length > 0 && (
              <p>
                {item.detection.links.map((link) => (
                  <a
                    key={link.url}
                    href={link.url}
                    target="_blank"
                    rel="noreferrer"
                    className="link-chip"
                  >
                    {link.label}
                  </a>
                ))}
              </p>
            )}
          </section>
        </div>
        <div className="stack">
          <OriginSection item={item} />
          <section className="card" aria-labelledby="override-title">
            <h2 id="override-title">Override</h2>
            <OverrideForm item={item} />
            <h3>History</h3>
            <OverrideHistory overrides={item.overrides} />
          </section>
        </div>
      </div>
    </section>
  );
}
