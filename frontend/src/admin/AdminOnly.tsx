import type { ReactNode } from 'react';
import { NotFoundPage } from '../app/NotFoundPage';
import { useSession } from '../auth/session';
import './admin.css';

/** The administrators' screens are no page at all for anyone else (the API answers them 403 regardless). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { member } = useSession();
  if (!member?.roles.includes('ADMIN')) return <NotFoundPage />;
  return <>{children}</>;
}
