import type { RouteObject } from 'react-router';
import { LeaderboardPage } from './LeaderboardPage';

/** The leaderboard's screen; the app's router puts it behind sign-in (published audio is for members only). */
export const leaderboardRoutes: RouteObject[] = [{ path: '/leaderboard', element: <LeaderboardPage /> }];
