import type { RouteObject } from 'react-router';
import { AccountPage } from './AccountPage';
import { GoodbyePage } from './deletion';

/** The member's own page; mounted inside RequireAuth. */
export const accountRoutes: RouteObject[] = [{ path: '/account', element: <AccountPage /> }];

/** After a deletion: public, the member is signed out. */
export const goodbyeRoutes: RouteObject[] = [{ path: '/goodbye', element: <GoodbyePage /> }];
