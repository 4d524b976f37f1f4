import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireSignIn } from '../features/auth/components/require-sign-in';
import { HealthPage } from '../features/health/routes/health-page';
import { Layout } from './layout';

/**
 * Every dashboard page is its own chunk (loaded on first visit), so the first page downloads
 * only its own charts.
 */
export const routes: RouteObject[] = [
  {
    path: 'sign-in',
    lazy: async () => ({
      Component: (await import('../features/auth/routes/sign-in-page')).SignInPage,
    }),
  },
  {
    element: (
      <RequireSignIn>
        <Layout />
      </RequireSignIn>
    ),
    hydrateFallbackElement: (
      <div className="skeleton" role="progressbar" aria-label="Loading the page" />
    ),
    children: [
      { index: true, element: <Navigate to="/overview" replace /> },
      {
        path: 'overview',
        lazy: async () => ({
          Component: (await import('../features/overview/routes/overview-page')).OverviewPage,
        }),
      },
      {
        path: 'rework',
        lazy: async () => ({
          Component: (await import('../features/rework/routes/rework-list-page')).ReworkListPage,
        }),
      },
      {
        path: 'rework/:id',
        lazy: async () => ({
          Component: (await import('../features/rework/routes/rework-item-page')).ReworkItemPage,
        }),
      },
      {
        path: 'review-calibration',
        lazy: async () => ({
          Component: (await import('../features/review-calibration/routes/review-calibration-page'))
            .ReviewCalibrationPage,
        }),
      },
      {
        path: 'quarterly',
        lazy: async () => ({
          Component: (await import('../features/quarterly/routes/quarterly-page')).QuarterlyPage,
        }),
      },
      {
        path: 'settings',
        lazy: async () => ({
          Component: (await import('../features/settings/routes/settings-page')).SettingsPage,
        }),
      },
      { path: 'health', element: <HealthPage /> },
      { path: '*', element: <p role="alert">There is no page at this address.</p> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
