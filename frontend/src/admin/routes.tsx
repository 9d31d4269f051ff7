import type { RouteObject } from 'react-router';
import { AuditPage } from './AuditPage';
import { MemberPage } from './MemberPage';
import { MembersPage } from './MembersPage';
import { PartnersPage } from './PartnersPage';

/** The administrators' screens; mounted inside RequireAuth (AdminOnly refuses members). */
export const adminRoutes: RouteObject[] = [
  { path: '/admin/members', element: <MembersPage /> },
  { path: '/admin/members/:id', element: <MemberPage /> },
  { path: '/admin/audit', element: <AuditPage /> },
  { path: '/admin/partners', element: <PartnersPage /> },
];
