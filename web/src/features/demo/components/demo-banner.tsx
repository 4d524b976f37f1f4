import { useDemoStatus } from '../api/get-demo-status';
import './demo-banner.css';

/** Says plainly that the numbers are the generated demo organisation, and how to use real data. */
export function DemoBanner() {
  const { data } = useDemoStatus();
  if (data === undefined || !data.enabled) return null;
  const progress =
    data.state === 'loading'
      ? `Loading: ${data.message ?? 'starting'}${data.done !== null && data.total !== null ? ` (${data.done}/${data.total})` : ''}`
      : data.state === 'failed'
        ? `The demo could not be loaded: ${data.message ?? 'unknown error'}`
        : null;
  return (
    <aside className={`demo-banner demo-banner--${data.state}`} aria-label="Demo data">
      <strong>Demo data.</strong> You are looking at a generated organisation, not yours. To use
      your own, set <code>GITHUB_TOKEN</code> with <code>GITHUB_ORG</code> or{' '}
      <code>GITHUB_REPOS</code>, and <code>JIRA_BASE_URL</code> with its credentials, then restart
      (see the README).
      {progress !== null && (
        <span className="demo-banner__progress" role="status">
          {' '}
          {progress}
        </span>
      )}
    </aside>
  );
}
