import type { ReworkDetail } from '@rework-radar/shared';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { pullRequestLabel } from '../../../lib/references';
import { useWorkItems } from '../api/get-work-item';

/** `acceptanceCriteria` or `acceptance_criteria` as people write it: "Acceptance criteria". */
function componentLabel(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The work that had to be redone: its tickets (with context score at start) and pull requests. */
export function OriginSection({ item }: { item: ReworkDetail }) {
  const workItems = useWorkItems(item.origin.workItems);
  const urlOf = (ref: string): string | undefined =>
    item.sourceLinks.find((link) => link.ref === ref)?.url;
  return (
    <section className="card" aria-labelledby="origin-title">
      <h2 id="origin-title">Origin</h2>
      {item.origin.workItems.length === 0 && item.origin.pullRequests.length === 0 && (
        <p className="muted">No origin was traced for this item.</p>
      )}
      {item.origin.workItems.length === 0 && item.origin.pullRequests.length > 0 && (
        <p className="muted">
          The origin change had no work item: its context was unknown to reviewers.
        </p>
      )}
      {item.origin.workItems.map((key, index) => {
        const query = workItems[index];
        const workItem = query?.data;
        const context = item.originContexts.find((entry) => entry.workItemKey === key);
        return (
          <article key={key} className="origin-item" aria-label={`Work item ${key}`}>
            <h3>
              {key}
              {urlOf(key) !== undefined && (
                <>
                  {' '}
                  <a className="heading-link" href={urlOf(key)} target="_blank" rel="noreferrer">
                    Open in Jira
                  </a>
                </>
              )}
            </h3>
            {workItem !== undefined ? (
              <dl className="facts-inline">
                <dt>Summary</dt>
                <dd>{workItem.summary}</dd>
                <dt>Type, status</dt>
                <dd>
                  {workItem.type}, {workItem.status}
                </dd>
                <dt>Created</dt>
                <dd>{formatDate(workItem.createdAt)}</dd>
                <dt title="Context score (0-100) of the work item as it was when work started: acceptance criteria, description depth, design links, epic context, estimate, churn after start.">
                  Context score at start
                </dt>
                <dd>
                  <strong>
                    {workItem.contextScore === null
                      ? 'not analysed yet'
                      : `${Math.round(workItem.contextScore)} / 100`}
                  </strong>
                </dd>
                <dt>Story points</dt>
                <dd>{workItem.storyPoints ?? '—'}</dd>
                <dt>Reopened</dt>
                <dd>{workItem.reopenCount} times</dd>
              </dl>
            ) : query?.isError === true ? (
              <p className="muted">
                {query.error instanceof ApiRequestError && query.error.status === 404
                  ? 'This work item is referenced but not synced.'
                  : `The work item could not be loaded: ${query.error.message}`}
              </p>
            ) : (
              <p className="muted">Loading work item…</p>
            )}
            {context !== undefined && (
              <>
                <h4 id={`context-${key}`}>
                  Context when work started ({formatDate(context.startedAt)})
                </h4>
                <ul className="context-components" aria-labelledby={`context-${key}`}>
                  {context.components.map((component) => (
                    <li key={component.name}>
                      <strong>
                        {componentLabel(component.name)}: {component.points} / {component.max}
                      </strong>{' '}
                      <span className="muted">{component.reason}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        );
      })}
      {item.origin.pullRequests.length > 0 && (
        <>
          <h3>Pull requests</h3>
          <ul>
            {item.origin.pullRequests.map((pr) => {
              const url = urlOf(pr);
              return (
                <li key={pr}>
                  {url === undefined ? (
                    pullRequestLabel(pr)
                  ) : (
                    <a href={url} target="_blank" rel="noreferrer">
                      {pullRequestLabel(pr)}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
