import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { accountRoutes, goodbyeRoutes } from '../account/routes';
import { adminRoutes } from '../admin/routes';
import { ConfirmEmailChangePage } from '../account/email';
import { analysisRoutes } from '../analysis/routes';
import { catalogueRoutes } from '../catalogue/routes';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../auth/ResetPasswordPage';
import { VerifyEmailPage } from '../auth/VerifyEmailPage';
import { LoginPage } from '../auth/LoginPage';
import { RequireAuth } from '../auth/session';
import { SignupPage } from '../auth/SignupPage';
import { HomePage } from '../home/HomePage';
import { communityRoutes } from '../community/routes';
import { leaderboardRoutes } from '../leaderboard/routes';
import { ModelsPage } from '../models/ModelsPage';
import { partnerRoutes } from '../partner/routes';
import { ErrorPage } from './ErrorPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

/** Every app address; the gateway answers index.html for each of them on a reload, so deep links survive. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/login', element: <LoginPage /> },
          { path: '/signup', element: <SignupPage /> },
          { path: '/verify-email', element: <VerifyEmailPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: '/models', element: <ModelsPage /> },
          ...goodbyeRoutes,
          {
            element: (
              <RequireAuth>
                <Outlet />
              </RequireAuth>
            ),
            children: [
              ...analysisRoutes,
              ...leaderboardRoutes,
              ...communityRoutes,
              ...accountRoutes,
              ...adminRoutes,
              ...partnerRoutes,
              ...catalogueRoutes,
              { path: '/confirm-email-change', element: <ConfirmEmailChangePage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
