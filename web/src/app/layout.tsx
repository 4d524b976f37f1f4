import { NavLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { ScopePickers, type ScopePicker } from '../components/scope/scope-pickers';
import { ThemeToggle } from '../components/theme/theme-toggle';
import { useCurrentUser } from '../lib/api/current-user';
import { UserMenu } from '../features/auth/components/user-menu';
import { DemoBanner } from '../features/demo/components/demo-banner';
import { scopeSearch } from '../lib/scope';

const sections = [
  { to: '/overview', label: 'Overview', scoped: true },
  { to: '/rework', label: 'Rework', scoped: true },
  { to: '/review-calibration', label: 'Review calibration', scoped: true },
  { to: '/quarterly', label: 'Quarterly review', scoped: true },
  { to: '/settings', label: 'Settings', scoped: false, adminOnly: true },
  { to: '/health', label: 'System health', scoped: false },
] as const;

/** The pickers each page reads: the rework explorer has its own dates, the quarterly review no trend, a rework item none. */
const pickersOf: ReadonlyArray<readonly [string, readonly ScopePicker[]]> = [
  ['/overview', ['team', 'quarter', 'grain']],
  ['/review-calibration', ['team', 'quarter', 'grain']],
  ['/quarterly', ['team', 'quarter']],
  ['/rework', ['team']],
];

export function Layout() {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const me = useCurrentUser();
  // Settings are the admins' (the api refuses everyone else); the others do not see the link.
  const visible = sections.filter(
    (section) => !('adminOnly' in section) || me.data?.role === 'admin',
  );
  const carried = scopeSearch(params);
  const pickers = pickersOf.find(([path]) => pathname === path)?.[1];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <DemoBanner />
      <header className="shell__header">
        <span className="shell__brand">
          <span className="shell__logo" aria-hidden="true" />
          Rework Radar
        </span>
        <nav aria-label="Main" className="shell__nav">
          {visible.map((section) => (
            <NavLink key={section.to} to={`${section.to}${section.scoped ? carried : ''}`}>
              {section.label}
            </NavLink>
          ))}
        </nav>
        <ThemeToggle />
        <UserMenu />
      </header>
      {pickers !== undefined && (
        <div className="shell__scope">
          <ScopePickers show={pickers} />
        </div>
      )}
      <main className="shell__main" id="main">
        <Outlet />
      </main>
    </div>
  );
}
