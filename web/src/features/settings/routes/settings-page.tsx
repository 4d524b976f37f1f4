import { ConnectionsSection } from '../components/connections-section';
import { QuarantineSection } from '../components/quarantine-section';
import { RulesSection } from '../components/rules-section';
import { SyncStatusSection } from '../components/sync-status-section';
import { TeamsSection } from '../components/teams-section';
import './settings.css';

/** Settings (admin): connections, sync progress, teams and identity mapping, rules, quarantine. */
export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title" className="stack">
      <h1 id="settings-title">Settings</h1>
      <ConnectionsSection />
      <SyncStatusSection />
      <TeamsSection />
      <RulesSection />
      <QuarantineSection />
    </section>
  );
}
