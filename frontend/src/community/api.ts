import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  AppNotification,
  Category,
  Comment,
  CursorPage,
  ModerationAction,
  Post,
  PostSort,
  PostSummary,
  Report,
  ReportTarget,
} from './types';

/** Server state of the community (docs/community.md): one place for the addresses, the cache keys and invalidation. */

export const COMMUNITY = '/api/v1/community';
export const POSTS = `${COMMUNITY}/posts`;
export const PAGE_SIZE = 20;

export function postPath(id: string): string {
  return `${POSTS}/${encodeURIComponent(id)}`;
}

function commentPath(id: string): string {
  return `${COMMUNITY}/comments/${encodeURIComponent(id)}`;
}

export const communityKeys = {
  all: ['community'] as const,
  lists: () => ['community', 'list'] as const,
  list: (query: PostQuery) => ['community', 'list', query] as const,
  post: (id: string) => ['community', 'post', id] as const,
  comments: (postId: string) => ['community', 'comments', postId] as const,
  notifications: () => ['community', 'notifications'] as const,
  unread: () => ['community', 'notifications', 'unread'] as const,
  reports: (state: string) => ['community', 'reports', state] as const,
};

/** What the list shows: a search when `q` is given (newest first), else the posts in the chosen order. */
export interface PostQuery {
  category?: Category;
  sort: PostSort;
  q?: string;
  mine?: boolean;
}

/** The address of a page of posts for `query`, continuing after `cursor`. */
export function listAddress(query: PostQuery, cursor?: string | null): string {
  const params = new URLSearchParams();
  const searching = Boolean(query.q && query.q.trim() !== '');
  if (searching) params.set('q', (query.q ?? '').trim());
  if (query.category) params.set('category', query.category);
  if (!searching && query.sort !== 'newest') params.set('sort', query.sort);
  if (!searching && query.mine) params.set('author', 'me');
  if (cursor) params.set('cursor', cursor);
  params.set('size', String(PAGE_SIZE));
  return `${searching ? `${POSTS}/search` : POSTS}?${params.toString()}`;
}

/** Pages of posts, a "more" at a time (keyset: each page continues after the last one's cursor). */
export function usePostList(query: PostQuery) {
  return useInfiniteQuery({
    queryKey: communityKeys.list(query),
    queryFn: ({ pageParam }) => api<CursorPage<PostSummary>>(listAddress(query, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePost(id: string | undefined) {
  return useQuery({
    queryKey: communityKeys.post(id ?? ''),
    queryFn: () => api<Post>(postPath(id ?? '')),
    enabled: Boolean(id),
  });
}

export interface NewPost {
  title: string;
  body: string;
  category: Category;
  predictionId?: string;
  confirmShareFigures?: boolean;
}

export interface PostChanges {
  title?: string;
  body?: string;
  category?: Category;
}

export function useCreatePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (post: NewPost) => api<Post>(POSTS, { method: 'POST', json: post }),
    onSuccess: (post) => {
      client.setQueryData(communityKeys.post(post.id), post);
      void client.invalidateQueries({ queryKey: communityKeys.lists() });
    },
  });
}

export function useChangePost(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: PostChanges) => api<Post>(postPath(id), { method: 'PATCH', json: changes }),
    onSuccess: (post) => {
      client.setQueryData(communityKeys.post(id), post);
      void client.invalidateQueries({ queryKey: communityKeys.lists() });
    },
  });
}

export function useDeletePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(postPath(id), { method: 'DELETE' }),
    onSuccess: (_nothing, id) => {
      client.removeQueries({ queryKey: communityKeys.post(id) });
      void client.invalidateQueries({ queryKey: communityKeys.lists() });
    },
  });
}

/** PUT or DELETE …/like on a post or a comment: 204 and idempotent, so a repeated press is harmless. */
export function setPostLiked(id: string, liked: boolean): Promise<void> {
  return api<void>(`${postPath(id)}/like`, { method: liked ? 'PUT' : 'DELETE' });
}

export function setCommentLiked(id: string, liked: boolean): Promise<void> {
  return api<void>(`${commentPath(id)}/like`, { method: liked ? 'PUT' : 'DELETE' });
}

/** A post's top comments, oldest first, each with its replies; "more" continues after the last cursor. */
export function useComments(postId: string) {
  return useInfiniteQuery({
    queryKey: communityKeys.comments(postId),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ size: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return api<CursorPage<Comment>>(`${postPath(postId)}/comments?${params.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After any change to a post's comments: the thread and the post's comment count as the server now has them. */
function useAfterCommentChange(postId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: communityKeys.comments(postId) }),
      client.invalidateQueries({ queryKey: communityKeys.post(postId) }),
      client.invalidateQueries({ queryKey: communityKeys.lists() }),
    ]);
}

export function useCreateComment(postId: string) {
  const after = useAfterCommentChange(postId);
  return useMutation({
    mutationFn: (form: { body: string; parentId?: string }) =>
      api<Comment>(`${postPath(postId)}/comments`, { method: 'POST', json: form }),
    onSuccess: () => after(),
  });
}

export function useChangeComment(postId: string) {
  const after = useAfterCommentChange(postId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => api<Comment>(commentPath(id), { method: 'PATCH', json: { body } }),
    onSuccess: () => after(),
  });
}

export function useDeleteComment(postId: string) {
  const after = useAfterCommentChange(postId);
  return useMutation({
    mutationFn: (id: string) => api<void>(commentPath(id), { method: 'DELETE' }),
    onSuccess: () => after(),
  });
}

export function useRefreshComments(postId: string) {
  return useAfterCommentChange(postId);
}

/** After a post's like: its page and the lists show the server's count. */
export function useRefreshPost(postId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: communityKeys.post(postId) }),
      client.invalidateQueries({ queryKey: communityKeys.lists() }),
    ]);
}

export interface NewReport {
  targetType: ReportTarget;
  targetId: string;
  reason: string;
}

export function useReport() {
  return useMutation({
    mutationFn: (report: NewReport) => api<Report>(`${COMMUNITY}/reports`, { method: 'POST', json: report }),
  });
}

/** The unread count in the header: asked again every minute and whenever the list changes. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: communityKeys.unread(),
    queryFn: () => api<{ count: number }>(`${COMMUNITY}/notifications/unread-count`),
    enabled,
    refetchInterval: 60_000,
    retry: false,
  });
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: [...communityKeys.notifications(), 'list'],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ size: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return api<CursorPage<AppNotification>>(`${COMMUNITY}/notifications?${params.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** POST …/notifications/read with the ids given, or every one when none are. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api<void>(`${COMMUNITY}/notifications/read`, { method: 'POST', json: ids ? { ids } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: communityKeys.notifications() }),
  });
}

export function useReports(state: 'OPEN' | 'RESOLVED') {
  return useInfiniteQuery({
    queryKey: communityKeys.reports(state),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ state, size: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return api<CursorPage<Report>>(`${COMMUNITY}/reports?${params.toString()}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface Decision {
  report: Report;
  action: ModerationAction;
  note: string;
}

/**
 * An administrator's decision on reported content. A leaderboard entry is hidden or removed by prediction-service
 * (PUT /api/v1/predictions/{id}/moderation, as the result page's moderation does; its reason is the note, which the
 * owner reads); community-service then resolves the reports. Posts and comments are decided by community-service alone.
 */
export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ report, action, note }: Decision) => {
      if (report.targetType === 'LEADERBOARD_ENTRY' && (action === 'HIDE' || action === 'REMOVE')) {
        await api<unknown>(`/api/v1/predictions/${encodeURIComponent(report.targetId)}/moderation`, {
          method: 'PUT',
          json: { state: action === 'HIDE' ? 'HIDDEN' : 'REMOVED', reason: note },
        });
      }
      const decision = note.trim() === '' ? { action } : { action, note: note.trim() };
      await api<void>(`${COMMUNITY}/moderation/${report.targetType}/${encodeURIComponent(report.targetId)}`, {
        method: 'PUT',
        json: decision,
      });
    },
    onSuccess: (_nothing, { report }) => {
      void client.invalidateQueries({ queryKey: ['community', 'reports'] });
      void client.invalidateQueries({ queryKey: communityKeys.lists() });
      if (report.postId) void client.invalidateQueries({ queryKey: communityKeys.post(report.postId) });
      if (report.targetType === 'LEADERBOARD_ENTRY') void client.invalidateQueries({ queryKey: ['predictions'] });
    },
  });
}

/** Every item of an infinite list, in order. */
export function allItems<T>(data: InfiniteData<CursorPage<T>> | undefined): T[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
