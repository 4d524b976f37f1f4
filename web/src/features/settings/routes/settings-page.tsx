import { NotAvailable } from '../../../components/states/query-states';
import { ConnectionsSection } from '../components/connections-section';
import { TeamsSection } from '../components/teams-section';

/** Settings: what the api exposes today, and plainly labelled sections for what it does not yet. */
export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">Settings</h1>
      <ConnectionsSection />
      <TeamsSection />
      <NotAvailable title="Test connection">
        Checking GitHub and Jira credentials from here waits for a connection-test route in the api.
      </NotAvailable>
      <NotAvailable title="Repositories and projects">
        The synced repositories and Jira projects are set by GITHUB_ORG / GITHUB_REPOS and
        JIRA_PROJECTS / JIRA_JQL; listing and editing them here waits for a sources route in the
        api.
      </NotAvailable>
      <NotAvailable title="Rules">
        Windows, cause weights, critical paths and agent logins are read from ANALYSIS_CONFIG at
        start; showing and editing them waits for a rules route in the api.
      </NotAvailable>
      <NotAvailable title="Sync status">
        Live progress of GitHub and Jira syncs (server-sent events) waits for a sync-status stream
        in the api; the demo load's progress is shown under Connections.
      </NotAvailable>
      <NotAvailable title="Quarantine">
        Records rejected during sync will be listed here once the api exposes its quarantine.
      </NotAvailable>
    </section>
  );
}
