/**
 * The community API's answers as community-service writes them (docs/community.md). Kept by hand beside that
 * document: the server is the authority on their shape.
 */

export const CATEGORIES = ['FEEDBACK', 'INDUSTRY_NEWS', 'QA', 'FREE_TALK'] as const;
export type Category = (typeof CATEGORIES)[number];

export const SORTS = ['newest', 'likes', 'comments'] as const;
export type PostSort = (typeof SORTS)[number];

/** The limits the server checks (PostForms, CommentForms, ReportForms); the forms say them before sending. */
export const LIMITS = { title: 200, body: 20_000, comment: 5_000, reason: 1_000, note: 1_000 } as const;

/** An analysis' figures as they were when its owner shared them into a post; never its audio. */
export interface AnalysisSnapshot {
  predictionId: string;
  title: string | null;
  artist: string | null;
  genre: 'POP' | 'BALLAD' | 'DANCE';
  hitProbability: number;
  audioProbability: number;
  lyricsProbability: number;
  topSegments: { fromSeconds: number; toSeconds: number; contribution: number }[];
  modelNotice: string | null;
  demonstration: boolean;
  modelSetVersion: string;
  /** The web app's result page of the analysis ("/analyses/{id}"); it answers only to those who may see it. */
  link: string;
  takenAt: string;
}

export interface PostSummary {
  id: string;
  title: string;
  excerpt: string;
  category: Category;
  authorId: string;
  /** A copy taken at write time; null once the member deleted their account (`authorDeleted`). */
  authorName: string | null;
  authorDeleted?: boolean;
  createdAt: string;
  editedAt: string | null;
  views: number;
  likes: number;
  likedByMe: boolean;
  comments: number;
  hasAnalysis: boolean;
  mine: boolean;
  /** Search only: title and excerpt with each match between \u0001 and \u0002 (markers, not HTML). */
  highlights?: { title: string; excerpt: string };
}

export interface Post extends PostSummary {
  body: string;
  analysis: AnalysisSnapshot | null;
}

export interface Comment {
  id: string;
  postId: string;
  /** The top comment this replies to; null for a top comment (replies go one level deep). */
  parentId: string | null;
  authorId: string;
  authorName: string | null;
  authorDeleted?: boolean;
  body: string;
  createdAt: string;
  editedAt: string | null;
  /** Deleted by its author but kept, with an empty body, because replies hang on it. */
  deleted: boolean;
  likes: number;
  likedByMe: boolean;
  mine: boolean;
  replies?: Comment[];
}

/** A keyset-paged list: pass `nextCursor` back as `cursor` for the next page; null on the last one. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  totalItems?: number;
}

export type ReportTarget = 'POST' | 'COMMENT' | 'LEADERBOARD_ENTRY';

export interface Report {
  id: string;
  targetType: ReportTarget;
  targetId: string;
  reason: string;
  reporterName: string | null;
  createdAt: string;
  state: 'OPEN' | 'RESOLVED';
  /** The decision that resolved it; null while open. */
  action?: ModerationAction | null;
  /** The post's title or the comment's first characters; null for a leaderboard entry or deleted content. */
  targetPreview: string | null;
  /** The post a reported comment belongs to (or the reported post itself). */
  postId?: string | null;
}

export type ModerationAction = 'HIDE' | 'REMOVE' | 'RESTORE' | 'DISMISS';

export type NotificationKind = 'COMMENT' | 'REPLY' | 'POST_LIKE' | 'ANALYSIS_LIKE';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  /** Null when that member has since deleted their account. */
  actorName: string | null;
  postId?: string | null;
  commentId?: string | null;
  predictionId?: string | null;
  createdAt: string;
  read: boolean;
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export function isSort(value: unknown): value is PostSort {
  return typeof value === 'string' && (SORTS as readonly string[]).includes(value);
}
