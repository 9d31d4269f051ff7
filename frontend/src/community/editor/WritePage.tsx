import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useChangePost, useCreatePost, usePost } from '../api';
import type { Post } from '../types';
import { clearPostDraft, readPostDraft, savePostDraft } from './draft';
import { PostEditor } from './PostEditor';
import { PostNotReady } from '../post/PostNotReady';
import '../community.css';

/** A UUID-shaped id from the address, or undefined (anything else is not worth asking the server about). */
function analysisFrom(search: URLSearchParams): string | undefined {
  const id = search.get('analysis') ?? '';
  return /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
}

/** /community/new (?analysis=<id> to share one of the member's analyses) — write a post; the draft survives a refusal. */
export function WritePage() {
  const { t } = useTranslation('community');
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const analysisId = analysisFrom(search);
  const create = useCreatePost();
  const heading = analysisId ? t('editor.shareTitle') : t('editor.newTitle');
  useDocumentTitle(heading);

  return (
    <PostEditor
      // A new analysis to share starts a fresh form (its confirmation is not carried over).
      key={analysisId ?? 'plain'}
      heading={heading}
      isNew
      initial={readPostDraft()}
      analysisId={analysisId}
      submitLabel={t('editor.publish')}
      busy={create.isPending}
      error={create.error}
      onChange={savePostDraft}
      onCancel={() => navigate(-1)}
      onSubmit={(values) =>
        create.mutate(
          {
            title: values.title,
            body: values.body,
            category: values.category,
            ...(analysisId ? { predictionId: analysisId, confirmShareFigures: values.confirmShareFigures } : {}),
          },
          {
            onSuccess: (post) => {
              clearPostDraft();
              navigate(`/community/posts/${encodeURIComponent(post.id)}`, { state: { saved: 'created' } });
            },
          },
        )
      }
    />
  );
}

/** /community/posts/:id/edit — the author changes title, category or body (others get not-found, as the API says). */
export function EditPage() {
  const { id } = useParams();
  const { t } = useTranslation('community');
  const post = usePost(id);
  useDocumentTitle(t('editor.editTitle'));
  if (post.isPending || post.isError) return <PostNotReady post={post} />;
  if (!post.data.mine) return <NotFoundPage />;
  return <EditLoaded post={post.data} />;
}

function EditLoaded({ post }: { post: Post }) {
  const { t } = useTranslation('community');
  const navigate = useNavigate();
  const change = useChangePost(post.id);
  const back = `/community/posts/${encodeURIComponent(post.id)}`;
  return (
    <PostEditor
      heading={t('editor.editTitle')}
      initial={{ title: post.title, body: post.body, category: post.category }}
      submitLabel={t('editor.save')}
      busy={change.isPending}
      error={change.error}
      onCancel={() => navigate(back)}
      onSubmit={(values) => {
        // Only what changed: the server leaves an absent field as it is.
        const changes = {
          ...(values.title !== post.title ? { title: values.title } : {}),
          ...(values.body !== post.body ? { body: values.body } : {}),
          ...(values.category !== post.category ? { category: values.category } : {}),
        };
        if (Object.keys(changes).length === 0) {
          navigate(back);
          return;
        }
        change.mutate(changes, { onSuccess: () => navigate(back, { state: { saved: 'changed' } }) });
      }}
    />
  );
}
