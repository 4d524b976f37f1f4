import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { HealthPage } from '../features/health/routes/health-page';
import { Layout } from './layout';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/health" replace /> },
      { path: 'health', element: <HealthPage /> },
      { path: '*', element: <p role="alert">There is no page at this address.</p> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
