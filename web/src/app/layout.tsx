import { NavLink, Outlet } from 'react-router';
import { DemoBanner } from '../features/demo/components/demo-banner';

export function Layout() {
  return (
    <div className="shell">
      <DemoBanner />
      <header className="shell__header">
        <span className="shell__brand">Rework Radar</span>
        <nav aria-label="Main">
          <NavLink to="/health">System health</NavLink>
        </nav>
      </header>
      <main className="shell__main">
        <Outlet />
      </main>
    </div>
  );
}
