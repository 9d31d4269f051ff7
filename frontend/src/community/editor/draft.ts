import type { Category } from '../types';

/**
 * A new post's unsent words, kept in this tab's session storage so that a reload, a lapsed session or a refused send
 * (the prediction service down, say) never loses them. Forgotten when the post is published or the member logs out.
 */
export interface PostDraft {
  title: string;
  body: string;
  category: Category | '';
}

const STORAGE_KEY = 'hitter.community.draft';

export const EMPTY_POST_DRAFT: PostDraft = { title: '', body: '', category: '' };

export function readPostDraft(): PostDraft {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return EMPTY_POST_DRAFT;
    const draft = JSON.parse(stored) as Partial<PostDraft>;
    return {
      title: typeof draft.title === 'string' ? draft.title : '',
      body: typeof draft.body === 'string' ? draft.body : '',
      category: typeof draft.category === 'string' ? (draft.category as Category | '') : '',
    };
  } catch {
    return EMPTY_POST_DRAFT;
  }
}

export function savePostDraft(draft: PostDraft): void {
  try {
    if (draft.title === '' && draft.body === '') sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Kept on the page at least.
  }
}

export function clearPostDraft(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget.
  }
}
