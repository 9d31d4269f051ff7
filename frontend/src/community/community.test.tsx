import { describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { aPrediction, json, problem } from '../analysis/testData';
import type { Member } from '../auth/session';
import { EditPage, WritePage } from './editor/WritePage';
import { CommunityPage } from './list/CommunityPage';
import { ModerationPage } from './moderation/ModerationPage';
import { NotificationsLink } from './notifications/NotificationsLink';
import { NotificationsPage } from './notifications/NotificationsPage';
import { PostPage } from './post/PostPage';
import { ResultPage } from '../analysis/result/ResultPage';
import { aComment, aPost, aSummary, noContent, POST_ID, PREDICTION_ID, stubRoutes } from './testData';

// These tests walk through several requests each; on a busy shared machine one second per wait is too tight.
configure({ asyncUtilTimeout: 4000 });

const session = vi.hoisted(() => ({ member: undefined as Member | undefined }));
vi.mock('../auth/session', async (original) => {
  const actual = await original<typeof import('../auth/session')>();
  return {
    ...actual,
    useSession: () => ({ status: session.member ? 'signedIn' : 'signedOut', member: session.member, logIn: vi.fn(), signUp: vi.fn(), logOut: vi.fn() }),
  };
});

const page = (items: unknown[], nextCursor: string | null = null) => json({ items, nextCursor });

function renderList(at = '/community') {
  renderWithApp(<CommunityPage />, {
    path: '/community',
    at,
    routes: [
      { path: '/community/mine', element: <CommunityPage mine /> },
      { path: '/community/posts/:id', element: <p>the post page</p> },
    ],
  });
}

function renderPost() {
  renderWithApp(<PostPage />, {
    path: '/community/posts/:id',
    at: `/community/posts/${POST_ID}`,
    routes: [
      { path: '/analyses/:id', element: <p>the result page</p> },
      { path: '/community/mine', element: <p>my posts</p> },
    ],
  });
}

describe('the community list', () => {
  it('lists_the_newest_posts_then_filters_sorts_and_loads_more_with_the_cursor', async () => {
    const api = stubRoutes([
      ['GET', /^\/api\/v1\/community\/posts\?.*cursor=c1/, () => page([aSummary({ id: 'p3', title: 'Third' })])],
      ['GET', /^\/api\/v1\/community\/posts\?/, () => page([aSummary({ id: 'p1', title: 'First' }), aSummary({ id: 'p2', title: 'Second', hasAnalysis: false })], 'c1')],
    ]);
    renderList();
    expect(await screen.findByRole('link', { name: 'First' })).toBeTruthy();
    expect(api.calls()[0]).toEqual(['GET', '/api/v1/community/posts?size=20', undefined]);
    const cards = screen.getAllByTestId('post-card');
    expect(within(cards[0]!).getByText('Feedback')).toBeTruthy();
    expect(within(cards[0]!).getByTestId('has-analysis')).toBeTruthy();
    expect(within(cards[1]!).queryByTestId('has-analysis')).toBeNull();
    expect(within(cards[0]!).getByText('Ann')).toBeTruthy();
    expect(within(cards[0]!).getByText('12 views')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'First' }).getAttribute('href')).toBe('/community/posts/p1');

    fireEvent.click(screen.getByRole('button', { name: 'More posts' }));
    expect(await screen.findByRole('link', { name: 'Third' })).toBeTruthy();
    expect(screen.getAllByTestId('post-card')).toHaveLength(3);
    expect(api.calls().at(-1)).toEqual(['GET', '/api/v1/community/posts?cursor=c1&size=20', undefined]);
    // The last page has no cursor: no "more".
    expect(screen.queryByRole('button', { name: 'More posts' })).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: 'Q&A' }));
    await waitFor(() => expect(api.calls().at(-1)?.[1]).toBe('/api/v1/community/posts?category=QA&size=20'));
    expect(screen.getByRole('link', { name: 'Q&A' }).getAttribute('aria-current')).toBe('page');
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'likes' } });
    await waitFor(() => expect(api.calls().at(-1)?.[1]).toBe('/api/v1/community/posts?category=QA&sort=likes&size=20'));
  });

  it('searches_in_korean_and_marks_the_matches_without_making_markup', async () => {
    const api = stubRoutes([
      [
        'GET',
        /^\/api\/v1\/community\/posts\/search\?/,
        () =>
          page([
            aSummary({
              title: '이 곡이 히트곡을 만들까요?',
              excerpt: '<b>후렴</b> 히트곡을…',
              highlights: { title: '이 곡이 \u0001히트곡\u0002을 만들까요?', excerpt: '<b>후렴</b> \u0001히트곡\u0002을…' },
            }),
          ]),
      ],
      ['GET', /^\/api\/v1\/community\/posts\?/, () => page([])],
    ]);
    renderList();
    expect(await screen.findByTestId('posts-empty')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search posts' }), { target: { value: ' 히트곡 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const card = await screen.findByTestId('post-card');
    expect(api.calls().at(-1)).toEqual(['GET', `/api/v1/community/posts/search?q=${encodeURIComponent('히트곡')}&size=20`, undefined]);
    const marks = within(card).getAllByTestId('search-match');
    expect(marks.map((mark) => [mark.tagName, mark.textContent])).toEqual([
      ['MARK', '히트곡'],
      ['MARK', '히트곡'],
    ]);
    expect(within(card).getByTestId('post-link').textContent).toBe('이 곡이 히트곡을 만들까요?');
    expect(card.querySelector('b')).toBeNull();
    expect(within(card).getByTestId('post-excerpt').textContent).toBe('<b>후렴</b> 히트곡을…');
    expect(screen.getByTestId('search-state').textContent).toContain('Posts matching “히트곡”');
    // A search sorts newest first: no sort choice while it shows.
    expect(screen.queryByLabelText('Sort by')).toBeNull();
  });

  it('lists_my_posts_with_author_me', async () => {
    const api = stubRoutes([['GET', /^\/api\/v1\/community\/posts\?/, () => page([])]]);
    renderList('/community/mine');
    expect(await screen.findByText('You have not written any posts yet.')).toBeTruthy();
    expect(api.calls()[0]?.[1]).toBe('/api/v1/community/posts?author=me&size=20');
    expect(screen.getByRole('link', { name: 'My posts' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('a post', () => {
  it('renders_the_body_inert_and_the_snapshot_with_a_link_when_the_analysis_may_be_seen', async () => {
    stubRoutes([
      ['GET', new RegExp(`^/api/v1/community/posts/${POST_ID}$`), () => json(aPost({ body: '<script>window.__xss=1</script>\n[click](javascript:window.__xss=2) and **loud**' }))],
      ['GET', /\/comments\?/, () => page([])],
      ['GET', new RegExp(`^/api/v1/predictions/${PREDICTION_ID}$`), () => json(aPrediction({ shared: true, ownedByMe: false }))],
    ]);
    renderPost();
    expect(await screen.findByRole('heading', { level: 1, name: 'Does the chorus land?' })).toBeTruthy();
    const body = screen.getAllByTestId('markdown')[0]!;
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('a')).toBeNull();
    expect(body.textContent).toContain('<script>window.__xss=1</script>');
    expect(body.textContent).toContain('[click](javascript:window.__xss=2)');
    expect(body.querySelector('strong')?.textContent).toBe('loud');

    const card = screen.getByTestId('analysis-card');
    expect(within(card).getByRole('heading', { name: /Night Drive/ })).toBeTruthy();
    expect(within(card).getByTestId('snapshot-probability').textContent).toBe('73%');
    expect(within(card).getByText('Pop')).toBeTruthy();
    expect(within(card).getByText('0:26–0:29 (contribution 0.50)')).toBeTruthy();
    expect(within(card).getByTestId('snapshot-notice').textContent).toContain('Demonstration model trained on synthetic songs.');
    expect(within(card).getByTestId('snapshot-taken').textContent).toMatch(/^A snapshot taken on .+; the analysis may have changed or been deleted since\.$/);
    const link = await within(card).findByTestId('snapshot-link');
    expect(link.getAttribute('href')).toBe(`/analyses/${PREDICTION_ID}`);
    expect(screen.getByTestId('comments-empty')).toBeTruthy();
  });

  it('says_the_analysis_cannot_be_opened_when_it_is_not_shared_or_gone', async () => {
    stubRoutes([
      ['GET', new RegExp(`^/api/v1/community/posts/${POST_ID}$`), () => json(aPost())],
      ['GET', /\/comments\?/, () => page([])],
      ['GET', /^\/api\/v1\/predictions\//, () => problem(404, 'not-found')],
    ]);
    renderPost();
    expect(await screen.findByTestId('snapshot-closed')).toBeTruthy();
    expect(screen.queryByTestId('snapshot-link')).toBeNull();
  });

  it('likes_the_post_and_reports_it_with_a_reason', async () => {
    let liked = false;
    const api = stubRoutes([
      ['PUT', /\/posts\/.+\/like$/, () => ((liked = true), noContent())],
      ['POST', /^\/api\/v1\/community\/reports$/, () => json({ id: 'r1' }, 201)],
      ['GET', new RegExp(`^/api/v1/community/posts/${POST_ID}$`), () => json(aPost({ likes: liked ? 4 : 3, likedByMe: liked, analysis: null }))],
      ['GET', /\/comments\?/, () => page([])],
    ]);
    renderPost();
    const like = await screen.findByRole('button', { name: 'Like this post, 3 likes' });
    fireEvent.click(like);
    await waitFor(() => expect(screen.getByTestId('post-like').getAttribute('aria-pressed')).toBe('true'));
    await waitFor(() => expect(screen.getByTestId('post-like').getAttribute('aria-label')).toBe('Like this post, 4 likes'));
    expect(api.calls().some(([method, path]) => method === 'PUT' && path === `/api/v1/community/posts/${POST_ID}/like`)).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Report this post' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send the report' }));
    expect(await screen.findByText('Say why: the administrators read it.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Why are you reporting it?'), { target: { value: 'Spam links' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the report' }));
    expect(await screen.findByTestId('report-sent')).toBeTruthy();
    expect(api.calls().find(([method]) => method === 'POST')).toEqual(['POST', '/api/v1/community/reports', { targetType: 'POST', targetId: POST_ID, reason: 'Spam links' }]);
  });

  it('shows_comments_with_replies_and_comments_replies_edits_and_deletes', async () => {
    const reply = aComment({ id: 'c2', parentId: 'c1', authorName: 'Me', body: 'Thanks!', mine: true });
    const top = aComment({ id: 'c1', replies: [reply] });
    const gone = aComment({ id: 'c3', authorName: 'Cy', deleted: true, body: '', replies: [aComment({ id: 'c4', authorName: 'Di', parentId: 'c3', body: 'still here' })] });
    const api = stubRoutes([
      ['GET', new RegExp(`^/api/v1/community/posts/${POST_ID}$`), () => json(aPost({ analysis: null }))],
      ['GET', /\/comments\?/, () => page([top, gone])],
      ['POST', /\/comments$/, (_url, body) => json(aComment({ id: 'new', body: (body as { body: string }).body }), 201)],
      ['PATCH', /^\/api\/v1\/community\/comments\/c2$/, () => json(reply)],
      ['DELETE', /^\/api\/v1\/community\/comments\/c2$/, () => noContent()],
    ]);
    renderPost();
    const first = await screen.findByRole('article', { name: 'Comment by Bo' });
    expect(within(first).getByText('hook').tagName).toBe('EM');
    const replies = within(first).getByRole('list', { name: 'Replies to Bo' });
    expect(within(replies).getByText('Thanks!')).toBeTruthy();
    // One level of replies: a reply offers no reply of its own.
    expect(within(replies).queryByRole('button', { name: 'Reply' })).toBeNull();
    expect(screen.getByTestId('comment-deleted').textContent).toBe('This comment was deleted.');
    expect(screen.getByText('still here')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Your comment'), { target: { value: '히트곡이네요' } });
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    await waitFor(() => expect(api.calls().some(([m]) => m === 'POST')).toBe(true));
    expect(api.calls().find(([m]) => m === 'POST')).toEqual(['POST', `/api/v1/community/posts/${POST_ID}/comments`, { body: '히트곡이네요' }]);
    await waitFor(() => expect((screen.getByLabelText('Your comment') as HTMLTextAreaElement).value).toBe(''));

    fireEvent.click(within(first).getAllByRole('button', { name: 'Reply' })[0]!);
    fireEvent.change(screen.getByLabelText('Your reply to Bo'), { target: { value: 'Agreed' } });
    fireEvent.click(within(screen.getByTestId('reply-form')).getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(api.calls().filter(([m]) => m === 'POST')).toHaveLength(2));
    expect(api.calls().filter(([m]) => m === 'POST')[1]?.[2]).toEqual({ body: 'Agreed', parentId: 'c1' });

    // Only my own reply can be edited or deleted; the others can be reported.
    const mine = within(replies).getByRole('article', { name: 'Comment by Me' });
    expect(within(first).getAllByRole('button', { name: 'Edit' })).toHaveLength(1);
    fireEvent.click(within(mine).getByRole('button', { name: 'Edit' }));
    fireEvent.change(within(mine).getByLabelText('Your comment'), { target: { value: 'Thanks a lot!' } });
    fireEvent.click(within(mine).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls().some(([m]) => m === 'PATCH')).toBe(true));
    expect(api.calls().find(([m]) => m === 'PATCH')).toEqual(['PATCH', '/api/v1/community/comments/c2', { body: 'Thanks a lot!' }]);

    fireEvent.click(within(mine).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(mine).getByRole('button', { name: 'Delete it' }));
    await waitFor(() => expect(api.calls().some(([m, path]) => m === 'DELETE' && path === '/api/v1/community/comments/c2')).toBe(true));
    expect(within(first).getByRole('button', { name: 'Report Comment by Bo' })).toBeTruthy();
  });

  it('is_not_found_when_the_api_says_404', async () => {
    stubRoutes([]);
    renderPost();
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });
});

describe('writing a post', () => {
  function renderWrite(at: string) {
    renderWithApp(<WritePage />, { path: '/community/new', at, routes: [{ path: '/community/posts/:id', element: <p>the new post</p> }] });
  }

  it('shares_my_analysis_only_after_the_confirmation_and_previews_with_the_same_renderer', async () => {
    sessionStorage.clear();
    const api = stubRoutes([
      ['GET', new RegExp(`^/api/v1/predictions/${PREDICTION_ID}$`), () => json(aPrediction())],
      ['POST', /^\/api\/v1\/community\/posts$/, () => json(aPost(), 201)],
    ]);
    renderWrite(`/community/new?analysis=${PREDICTION_ID}`);
    expect(await screen.findByTestId('shared-analysis-summary')).toBeTruthy();
    expect(screen.getByTestId('shared-analysis-summary').textContent).toContain('Night Drive');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '히트곡을 만들고 싶어요' } });
    fireEvent.change(screen.getByLabelText('Post'), { target: { value: 'Is the **hook** early enough?\n<script>x</script>' } });
    expect((screen.getByLabelText('Category') as HTMLSelectElement).value).toBe('FEEDBACK');

    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = screen.getByTestId('preview');
    expect(within(preview).getByText('hook').tagName).toBe('STRONG');
    expect(preview.querySelector('script')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Confirm that members may see the figures, or post without the analysis.')).toBeTruthy();
    expect(api.calls().some(([m]) => m === 'POST')).toBe(false);

    fireEvent.click(screen.getByLabelText('I agree that signed-in members will see this analysis’ figures (never its audio).'));
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('the new post')).toBeTruthy();
    expect(api.calls().find(([m]) => m === 'POST')).toEqual([
      'POST',
      '/api/v1/community/posts',
      { title: '히트곡을 만들고 싶어요', body: 'Is the **hook** early enough?\n<script>x</script>', category: 'FEEDBACK', predictionId: PREDICTION_ID, confirmShareFigures: true },
    ]);
  });

  it('says_plainly_when_the_prediction_service_is_down_and_keeps_the_draft', async () => {
    sessionStorage.clear();
    stubRoutes([
      ['GET', new RegExp(`^/api/v1/predictions/${PREDICTION_ID}$`), () => json(aPrediction())],
      ['POST', /^\/api\/v1\/community\/posts$/, () => problem(503, 'dependency-unavailable')],
    ]);
    renderWrite(`/community/new?analysis=${PREDICTION_ID}`);
    await screen.findByTestId('shared-analysis-summary');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Draft title' } });
    fireEvent.change(screen.getByLabelText('Post'), { target: { value: 'Draft body' } });
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect((await screen.findByTestId('dependency-unavailable')).textContent).toContain('The analysis service is not answering right now, so the post was not published. Your draft is kept here');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Draft title');
    expect((screen.getByLabelText('Post') as HTMLTextAreaElement).value).toBe('Draft body');
    expect(JSON.parse(sessionStorage.getItem('hitter.community.draft') ?? '{}')).toMatchObject({ title: 'Draft title', body: 'Draft body' });
  });

  it('refuses_to_share_another_members_analysis', async () => {
    stubRoutes([['GET', /^\/api\/v1\/predictions\//, () => json(aPrediction({ ownedByMe: false, shared: true }))]]);
    renderWrite(`/community/new?analysis=${PREDICTION_ID}`);
    expect(await screen.findByText('Only your own analyses can be shared.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('checks_title_body_and_category_before_sending_and_shows_the_servers_word_on_a_field', async () => {
    sessionStorage.clear();
    const api = stubRoutes([
      ['POST', /^\/api\/v1\/community\/posts$/, () => problem(400, 'validation-failed', { errors: [{ field: 'title', detail: 'must not be blank' }] })],
    ]);
    renderWrite('/community/new');
    fireEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    expect(screen.getByText('Give the post a title.')).toBeTruthy();
    expect(screen.getByText('Write the post first.')).toBeTruthy();
    expect(screen.getByText('Choose a category.')).toBeTruthy();
    expect(api.calls()).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'x' } });
    fireEvent.change(screen.getByLabelText('Post'), { target: { value: 'y' } });
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'QA' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('must not be blank')).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
  });

  it('edits_my_post_with_only_what_changed', async () => {
    const api = stubRoutes([
      ['GET', new RegExp(`^/api/v1/community/posts/${POST_ID}$`), () => json(aPost({ mine: true }))],
      ['PATCH', new RegExp(`^/api/v1/community/posts/${POST_ID}$`), () => json(aPost({ mine: true, title: 'New title' }))],
    ]);
    renderWithApp(<EditPage />, { path: '/community/posts/:id/edit', at: `/community/posts/${POST_ID}/edit`, routes: [{ path: '/community/posts/:id', element: <p>back on the post</p> }] });
    const title = await screen.findByLabelText('Title');
    expect((title as HTMLInputElement).value).toBe('Does the chorus land?');
    fireEvent.change(title, { target: { value: 'New title' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('back on the post')).toBeTruthy();
    expect(api.calls().find(([m]) => m === 'PATCH')).toEqual(['PATCH', `/api/v1/community/posts/${POST_ID}`, { title: 'New title' }]);
  });
});

describe('notifications and moderation', () => {
  it('shows_the_unread_count_in_the_link', async () => {
    stubRoutes([['GET', /unread-count$/, () => json({ count: 3 })]]);
    renderWithApp(<NotificationsLink />);
    expect(await screen.findByRole('link', { name: 'Notifications 3 unread' })).toBeTruthy();
    expect(screen.getByTestId('unread-count').textContent).toBe('3');
  });

  it('lists_what_happened_links_to_the_post_and_marks_read', async () => {
    let read = false;
    const api = stubRoutes([
      [
        'GET',
        /^\/api\/v1\/community\/notifications\?/,
        () =>
          page([
            { id: 'n1', kind: 'COMMENT', actorName: 'Bo', postId: POST_ID, commentId: 'c1', predictionId: null, createdAt: '2026-12-01T10:00:00Z', read },
            { id: 'n2', kind: 'POST_LIKE', actorName: null, postId: POST_ID, commentId: null, predictionId: null, createdAt: '2026-12-01T09:00:00Z', read: true },
          ]),
      ],
      ['POST', /^\/api\/v1\/community\/notifications\/read$/, () => ((read = true), noContent())],
    ]);
    renderWithApp(<NotificationsPage />, { path: '/notifications', at: '/notifications' });
    const link = await screen.findByRole('link', { name: 'Bo commented on your post' });
    expect(link.getAttribute('href')).toBe(`/community/posts/${POST_ID}#comment-c1`);
    expect(screen.getByRole('link', { name: 'deleted member liked your post' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark read: Bo commented on your post' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Mark read:/ })).toBeNull());
    expect(api.calls().find(([m]) => m === 'POST')).toEqual(['POST', '/api/v1/community/notifications/read', { ids: ['n1'] }]);
    expect((screen.getByRole('button', { name: 'Mark all read' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('tells_of_a_like_of_my_shared_analysis_and_links_to_the_analysis', async () => {
    stubRoutes([
      [
        'GET',
        /^\/api\/v1\/community\/notifications\?/,
        () =>
          page([
            { id: 'n3', kind: 'ANALYSIS_LIKE', actorName: 'Bo', postId: null, commentId: null, predictionId: PREDICTION_ID, createdAt: '2026-12-01T11:00:00Z', read: false },
          ]),
      ],
    ]);
    renderWithApp(<NotificationsPage />, { path: '/notifications', at: '/notifications' });
    const link = await screen.findByRole('link', { name: 'Bo liked your shared analysis' });
    expect(link.getAttribute('href')).toBe(`/analyses/${PREDICTION_ID}`);
  });

  it('hides_a_reported_leaderboard_entry_through_the_prediction_service_then_resolves_the_reports', async () => {
    session.member = { id: 'admin', email: 'a@example.com', displayName: 'Admin', kind: 'other', roles: ['MEMBER', 'ADMIN'] };
    const report = { id: 'r1', targetType: 'LEADERBOARD_ENTRY', targetId: PREDICTION_ID, reason: 'Not theirs', reporterName: 'Bo', createdAt: '2026-12-01T10:00:00Z', state: 'OPEN', action: null, targetPreview: null, postId: null };
    const api = stubRoutes([
      ['GET', /^\/api\/v1\/community\/reports\?state=OPEN/, () => page([report])],
      ['PUT', new RegExp(`^/api/v1/predictions/${PREDICTION_ID}/moderation$`), () => json(aPrediction())],
      ['PUT', new RegExp(`^/api/v1/community/moderation/LEADERBOARD_ENTRY/${PREDICTION_ID}$`), () => noContent()],
    ]);
    renderWithApp(<ModerationPage />, { path: '/moderation', at: '/moderation' });
    const card = await screen.findByTestId('report-card');
    expect(within(card).getByText('Not theirs')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'the shared analysis' }).getAttribute('href')).toBe(`/analyses/${PREDICTION_ID}`);
    fireEvent.click(within(card).getByRole('button', { name: 'Hide' }));
    expect(await within(card).findByText('Give a reason: the owner will read it.')).toBeTruthy();
    fireEvent.change(within(card).getByLabelText('Reason (the owner reads it)'), { target: { value: 'Not the member’s own song' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Hide' }));
    await waitFor(() => expect(screen.getByTestId('decision-done').textContent).toBe('Hidden: members no longer see “the shared analysis”.'));
    const puts = api.calls().filter(([m]) => m === 'PUT');
    expect(puts).toEqual([
      ['PUT', `/api/v1/predictions/${PREDICTION_ID}/moderation`, { state: 'HIDDEN', reason: 'Not the member’s own song' }],
      ['PUT', `/api/v1/community/moderation/LEADERBOARD_ENTRY/${PREDICTION_ID}`, { action: 'HIDE', note: 'Not the member’s own song' }],
    ]);
    session.member = undefined;
  });

  it('keeps_the_queue_from_members_who_are_not_administrators', () => {
    session.member = { id: 'm', email: 'm@example.com', displayName: 'M', kind: 'other', roles: ['MEMBER'] };
    stubRoutes([]);
    renderWithApp(<ModerationPage />, { path: '/moderation', at: '/moderation' });
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    session.member = undefined;
  });
});

describe('reporting a leaderboard entry', () => {
  it('offers_report_on_another_members_shared_analysis_only', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:picture');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const api = stubRoutes([
      ['GET', /spectrogram\.png$/, () => new Response(new Blob(['png']), { status: 200, headers: { 'Content-Type': 'image/png' } })],
      ['GET', new RegExp(`^/api/v1/predictions/${PREDICTION_ID}$`), () => json(aPrediction({ shared: true, ownedByMe: false }))],
      ['POST', /^\/api\/v1\/community\/reports$/, () => json({ id: 'r1' }, 201)],
    ]);
    renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${PREDICTION_ID}` });
    fireEvent.click(await screen.findByRole('button', { name: 'Report Night Drive' }));
    fireEvent.change(screen.getByLabelText('Why are you reporting it?'), { target: { value: 'Not their song' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the report' }));
    expect(await screen.findByTestId('report-sent')).toBeTruthy();
    expect(api.calls().find(([m]) => m === 'POST')).toEqual(['POST', '/api/v1/community/reports', { targetType: 'LEADERBOARD_ENTRY', targetId: PREDICTION_ID, reason: 'Not their song' }]);
  });

  it('offers_the_owner_share_to_community_instead', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:picture');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    stubRoutes([
      ['GET', /spectrogram\.png$/, () => new Response(new Blob(['png']), { status: 200, headers: { 'Content-Type': 'image/png' } })],
      ['GET', new RegExp(`^/api/v1/predictions/${PREDICTION_ID}$`), () => json(aPrediction({ shared: true, ownedByMe: true }))],
    ]);
    renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${PREDICTION_ID}` });
    const share = await screen.findByRole('button', { name: 'Share to community' });
    expect(share.getAttribute('href')).toBe(`/community/new?analysis=${PREDICTION_ID}`);
    expect(screen.queryByRole('button', { name: /^Report/ })).toBeNull();
  });
});
