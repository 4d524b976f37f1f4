import { ConnectionsSection } from '../components/connections-section';
import { QuarantineSection } from '../components/quarantine-section';
import { RulesSection } from '../components/rules-section';
import { SyncStatusSection } from '../components/sync-status-section';
import { TeamsSection } from '../components/teams-section';
import { ApiTokensSection } from '../components/api-tokens-section';
import { UsersSection } from '../components/users-section';
import './settings.css';

/** Settings (admin): connections, sync progress, teams and identity mapping, people and roles, API tokens, rules, quarantine. */
export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">Settings</h1>
      <ConnectionsSection />
      <SyncStatusSection />
      <TeamsSection />
      <UsersSection />
      <ApiTokensSection />
      <RulesSection />
      <QuarantineSection />
    </section>
  );
}
