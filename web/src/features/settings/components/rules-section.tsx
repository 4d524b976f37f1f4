import { ErrorPanel, Skeleton } from '../../../components/states/query-states';
import { useRules } from '../api/settings-lists';

const windowNames: [key: string, label: string, unit: string][] = [
  ['followUpFixDays', 'Follow-up fix traced back', 'days'],
  ['linkedBugDays', 'Bug linked to a story finished within', 'days'],
  ['incidentAfterDeployHours', 'Incident after a deployment within', 'hours'],
  ['fastRevertHours', 'Fast revert within', 'hours'],
  ['reopenTransientMinutes', 'Reopen undone within (ignored)', 'minutes'],
];

const words = (id: string) => id.replaceAll('_', ' ');

function Changed({ path, changed }: { path: string; changed: string[] }) {
  return changed.some((entry) => entry === path || entry.startsWith(`${path}.`)) ? (
    <span className="badge">changed</span>
  ) : null;
}

/** The analysis rules in force, read-only: they come from ANALYSIS_CONFIG at start. */
export function RulesSection() {
  const rules = useRules();
  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Rules</h2>
      {rules.isError ? (
        <ErrorPanel what="The rules" error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data === undefined ? (
        <Skeleton label="Loading the rules" height={160} />
      ) : (
        <>
          <p className="muted">
            Read from the ANALYSIS_CONFIG file at start (defaults where it is silent);{' '}
            {rules.data.changedFromDefaults.length === 0
              ? 'every value is the default.'
              : `changed from the defaults: ${rules.data.changedFromDefaults.join(', ')}.`}{' '}
            Re-fitted cause weights, when active, are listed with the cause models.
          </p>
          <div className="grid-2">
            <table className="data-table" aria-label="Windows">
              <tbody>
                {windowNames.map(([key, label, unit]) => (
                  <tr key={key}>
                    <th scope="row">
                      {label}{' '}
                      <Changed path={`windows.${key}`} changed={rules.data.changedFromDefaults} />
                    </th>
                    <td className="num">
                      {rules.data.analysis.windows[key as keyof typeof rules.data.analysis.windows]}{' '}
                      {unit}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="data-table" aria-label="Cause signal weights">
              <thead>
                <tr>
                  <th scope="col">Signal</th>
                  <th scope="col" className="num">
                    Weight
                  </th>
                </tr>
              </thead>
              <tbody>
                {(['missingContext', 'execution'] as const).flatMap((side) =>
                  Object.entries(rules.data.analysis.signalWeights[side]).map(([id, weight]) => (
                    <tr key={`${side}.${id}`}>
                      <th scope="row">
                        {side === 'missingContext' ? 'Missing context' : 'Execution'}: {words(id)}{' '}
                        <Changed
                          path={`signalWeights.${side}.${id}`}
                          changed={rules.data.changedFromDefaults}
                        />
                      </th>
                      <td className="num">{weight}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          <h3>Critical paths</h3>
          <ul aria-label="Critical paths" className="settings-chips">
            {rules.data.analysis.criticalPathGlobs.map((glob) => (
              <li key={glob}>
                <code>{glob}</code>
              </li>
            ))}
          </ul>
          <h3>Agent logins</h3>
          <ul aria-label="Agent logins" className="settings-chips">
            {rules.data.analysis.agentLogins.map((login) => (
              <li key={login}>
                <code>{login}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
