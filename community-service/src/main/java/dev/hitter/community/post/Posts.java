package dev.hitter.community.post;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hitter.community.WrittenText;
import dev.hitter.community.member.AuthorName;
import dev.hitter.community.member.DeletedMember;
import dev.hitter.community.notification.NotificationKind;
import dev.hitter.community.notification.Notifications;
import dev.hitter.community.paging.Cursor;
import dev.hitter.community.paging.CursorPage;
import dev.hitter.community.search.Highlights;
import dev.hitter.community.search.SearchText;
import dev.hitter.community.snapshot.AnalysisSnapshot;
import dev.hitter.community.snapshot.AnalysisSnapshots;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import tools.jackson.databind.ObjectMapper;

/**
 * Writing, reading, listing, searching and liking posts. Only the author changes or deletes a post; to anyone else
 * (administrators included) a post they may not change does not exist: 404, the same as an unknown id.
 */
@Service
public class Posts {

	static final int EXCERPT = 200;

	private static final String SEARCH_CURSOR = "posts-search";

	private final PostStore store;

	private final SearchText searchText;

	private final ViewCounter views;

	private final AnalysisSnapshots snapshots;

	private final Notifications notifications;

	private final ObjectMapper json;

	private final Clock clock;

	Posts(PostStore store, SearchText searchText, ViewCounter views, AnalysisSnapshots snapshots,
			Notifications notifications, ObjectMapper json, Clock clock) {
		this.store = store;
		this.searchText = searchText;
		this.views = views;
		this.snapshots = snapshots;
		this.notifications = notifications;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Writes a post. With an analysis, its snapshot is taken first, before anything is written: if prediction-service
	 * does not answer, nothing is. No transaction around the call: a connection is not held while a neighbour is
	 * waited for, and the post is one INSERT.
	 */
	public Post create(Member author, String bearerToken, PostForms.NewPost form) {
		AnalysisSnapshot snapshot = null;
		if (form.predictionId() != null) {
			if (!Boolean.TRUE.equals(form.confirmShareFigures())) {
				throw ApiException.forField(ProblemType.VALIDATION_FAILED, "confirmShareFigures",
						"must be true to share an analysis: its figures become visible to every signed-in member");
			}
			snapshot = snapshots.take(form.predictionId(), bearerToken);
		}
		String title = WrittenText.line(form.title());
		String body = WrittenText.body(form.body());
		requireText("title", title);
		requireText("body", body);
		UUID id = UUID.randomUUID();
		store.insert(new PostStore.NewRow(id, author.id(), AuthorName.of(author), Category.valueOf(form.category()),
				title, body, WrittenText.excerpt(body, EXCERPT), searchText.indexed(title, body),
				form.predictionId(), snapshot == null ? null : json.writeValueAsString(snapshot), now()));
		return read(author, id, false);
	}

	/** A visible post (an administrator also reads hidden and removed ones), its view counted. */
	@Transactional(readOnly = true)
	public Post read(Member member, UUID id) {
		return read(member, id, true);
	}

	private Post read(Member member, UUID id, boolean countView) {
		PostRow row = store.find(id, member.id())
			.filter(p -> p.state() == ContentState.VISIBLE || member.isAdmin())
			.orElseThrow(() -> notFound(id));
		if (countView) {
			views.count(id);
		}
		AnalysisSnapshot analysis = row.analysisJson() == null ? null
				: json.readValue(row.analysisJson(), AnalysisSnapshot.class);
		return new Post(row.id(), row.title(), row.excerpt(), row.category(), row.authorId(), row.authorName(),
				isDeleted(row.authorId()), row.createdAt(), row.editedAt(), row.views() + views.pending(id), row.likes(),
				row.likedByMe(), row.comments(), row.predictionId() != null, row.authorId().equals(member.id()),
				row.body(), analysis);
	}

	@Transactional(readOnly = true)
	public CursorPage<PostSummary> list(Member member, Category category, boolean mine, PostSort sort, String cursor,
			int size) {
		Cursor after = Cursor.decode(cursor, sort.cursorKind(), sort.column == null ? 2 : 3);
		return CursorPage.of(store.page(member.id(), category, mine ? member.id() : null, sort, after, size), size,
				row -> summary(row, member, null), row -> PostStore.cursorOf(row, sort));
	}

	/**
	 * Posts whose title or body holds every searchable word of the query (Korean or English, see {@link SearchText}),
	 * newest first, with the matches highlighted. A query of stop words only finds nothing.
	 */
	@Transactional(readOnly = true)
	public CursorPage<PostSummary> search(Member member, String query, Category category, String cursor, int size) {
		Cursor after = Cursor.decode(cursor, SEARCH_CURSOR, 2);
		Set<String> terms = searchText.queryTerms(query);
		if (terms.isEmpty()) {
			return new CursorPage<>(List.of(), null);
		}
		List<Set<String>> words = searchText.queryWords(query);
		return CursorPage.of(store.search(member.id(), SearchText.booleanQuery(terms), category, after, size), size,
				row -> summary(row, member, Highlights.of(searchText, words, row.title(), row.body())),
				row -> Cursor.of(SEARCH_CURSOR, row.createdAt(), row.id()));
	}

	@Transactional
	public Post change(Member member, UUID id, PostForms.PostChanges changes) {
		PostRow row = own(member, id);
		String title = changes.title() == null ? row.title() : WrittenText.line(changes.title());
		String body = changes.body() == null ? row.body() : WrittenText.body(changes.body());
		requireText("title", title);
		requireText("body", body);
		Category category = changes.category() == null ? row.category() : Category.valueOf(changes.category());
		// The search text follows every edit, in the same transaction.
		store.update(id, category, title, body, WrittenText.excerpt(body, EXCERPT), searchText.indexed(title, body),
				now());
		return read(member, id, false);
	}

	@Transactional
	public void delete(Member member, UUID id) {
		own(member, id);
		store.delete(id);
	}

	/** Likes a post; liking it again changes nothing. The author is told of a new like (not of their own). */
	@Transactional
	public void like(Member member, UUID id) {
		UUID author = store.lockVisible(id).orElseThrow(() -> notFound(id));
		if (store.like(id, member.id(), now())) {
			notifications.tell(author, NotificationKind.POST_LIKE, member, id, null);
		}
	}

	@Transactional
	public void unlike(Member member, UUID id) {
		store.lockVisible(id).orElseThrow(() -> notFound(id));
		store.unlike(id, member.id());
	}

	private PostRow own(Member member, UUID id) {
		return store.find(id, member.id())
			.filter(p -> p.authorId().equals(member.id()) && p.state() != ContentState.REMOVED)
			.orElseThrow(() -> notFound(id));
	}

	private PostSummary summary(PostRow row, Member member, Highlights highlights) {
		return new PostSummary(row.id(), row.title(), row.excerpt(), row.category(), row.authorId(), row.authorName(),
				isDeleted(row.authorId()), row.createdAt(), row.editedAt(), row.views() + views.pending(row.id()),
				row.likes(), row.likedByMe(), row.comments(), row.predictionId() != null,
				row.authorId().equals(member.id()), highlights);
	}

	private static boolean isDeleted(UUID author) {
		return DeletedMember.ID.equals(author);
	}

	private static void requireText(String field, String text) {
		if (text.isEmpty()) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, field, "must not be blank");
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static ApiException notFound(UUID id) {
		return new ApiException(ProblemType.NOT_FOUND, "There is no post " + id + ".");
	}
}
