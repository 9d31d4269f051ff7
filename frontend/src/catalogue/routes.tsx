import type { RouteObject } from 'react-router';
import { CataloguePage } from './CataloguePage';
import { JobPage } from './JobPage';

/** The catalogue screen and a batch job's page; mounted inside RequireAuth. */
export const catalogueRoutes: RouteObject[] = [
  { path: '/catalogue', element: <CataloguePage /> },
  { path: '/catalogue/jobs/:id', element: <JobPage /> },
];
