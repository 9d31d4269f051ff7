import type { RouteObject } from 'react-router';
import { AccountPage } from './AccountPage';

/** The member's own page; mounted inside RequireAuth. */
export const accountRoutes: RouteObject[] = [{ path: '/account', element: <AccountPage /> }];
