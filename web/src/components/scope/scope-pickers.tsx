import { grains, useScope } from '../../lib/scope';
import { quarterOf, quartersEndingWith } from '../../lib/quarters';
import { useTeams } from '../../lib/api/get-teams';
import { useCurrentUser } from '../../lib/api/current-user';
import { useFocusQuarter } from './use-focus-quarter';
import './scope-pickers.css';

const grainLabels = { week: 'Weekly', month: 'Monthly', quarter: 'Quarterly' } as const;

export type ScopePicker = 'team' | 'quarter' | 'grain';

/** Team, quarter and time grain, those the page reads (`show`); every choice is written to the URL. */
export function ScopePickers({ show }: { show: readonly ScopePicker[] }) {
  const { scope, setScope } = useScope();
  const teams = useTeams();
  const me = useCurrentUser();
  const focus = useFocusQuarter();
  // Engineering managers see their own teams only; the organisation view is not theirs.
  const ownTeamsOnly = me.data?.role === 'manager' ? me.data.teamSlugs : undefined;
  const teamChoices =
    teams.data?.teams.filter((team) => ownTeamsOnly?.includes(team.slug) ?? true) ?? [];
  // Twelve quarters back from today: the demo and most syncs fall inside three years.
  const quarters = quartersEndingWith(quarterOf(new Date()), 12).reverse();
  return (
    <div className="scope-pickers" role="group" aria-label="View scope">
      {show.includes('team') && (
        <label>
          <span>Team</span>
          <select
            value={scope.team ?? ''}
            onChange={(event) => setScope({ team: event.target.value })}
            disabled={teams.data === undefined}
            title={teams.isError ? `Teams could not be loaded: ${teams.error.message}` : undefined}
          >
            {ownTeamsOnly === undefined && <option value="">Whole organisation</option>}
            {teamChoices.map((team) => (
              <option key={team.slug} value={team.slug}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {show.includes('quarter') && (
        <label>
          <span>Quarter</span>
          <select
            value={focus?.label ?? ''}
            onChange={(event) => setScope({ quarter: event.target.value })}
          >
            {focus === undefined && <option value="">Loading…</option>}
            {quarters.map((quarter) => (
              <option key={quarter.label} value={quarter.label}>
                {quarter.label.replace('-', ' ')}
              </option>
            ))}
          </select>
        </label>
      )}
      {show.includes('grain') && (
        <label>
          <span>Trend by</span>
          <select value={scope.grain} onChange={(event) => setScope({ grain: event.target.value })}>
            {grains.map((grain) => (
              <option key={grain} value={grain}>
                {grainLabels[grain]}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
