import type { RouteObject } from 'react-router';
import { PartnerPage } from './PartnerPage';

/** The partner page; mounted inside RequireAuth. */
export const partnerRoutes: RouteObject[] = [{ path: '/partner', element: <PartnerPage /> }];
