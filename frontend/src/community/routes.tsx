import type { RouteObject } from 'react-router';
import { EditPage, WritePage } from './editor/WritePage';
import { CommunityPage } from './list/CommunityPage';
import { ModerationPage } from './moderation/ModerationPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { PostPage } from './post/PostPage';

/** The community's screens; the app's router puts them behind sign-in (posts are for signed-in members). */
export const communityRoutes: RouteObject[] = [
  { path: '/community', element: <CommunityPage /> },
  { path: '/community/mine', element: <CommunityPage mine /> },
  { path: '/community/new', element: <WritePage /> },
  { path: '/community/posts/:id', element: <PostPage /> },
  { path: '/community/posts/:id/edit', element: <EditPage /> },
  { path: '/notifications', element: <NotificationsPage /> },
  { path: '/moderation', element: <ModerationPage /> },
];
