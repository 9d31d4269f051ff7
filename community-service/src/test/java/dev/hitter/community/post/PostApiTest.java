package dev.hitter.community.post;

import static dev.hitter.community.TestMembers.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.community.CommunityApiTestBase;

/** Posts through the API on the real database: writing, reading, paging, sorting, permissions and bad input. */
class PostApiTest extends CommunityApiTestBase {

	private static final String PROBLEM = "https://hitter.dev/problems/";

	private final UUID author = UUID.randomUUID();

	private final UUID reader = UUID.randomUUID();

	@Autowired
	ViewCounter views;

	@Test
	void writesAndReadsAPostWithItsAuthorsNameCopied() throws Exception {
		UUID id = write(author, "민지", "첫 글", "안녕하세요, *반갑습니다*.\n- 하나\n- 둘", "FREE_TALK");
		mvc.perform(get(POSTS + "/" + id).with(member(reader, "독자")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("첫 글"))
			.andExpect(jsonPath("$.body").value("안녕하세요, *반갑습니다*.\n- 하나\n- 둘"))
			.andExpect(jsonPath("$.category").value("FREE_TALK"))
			.andExpect(jsonPath("$.authorId").value(author.toString()))
			.andExpect(jsonPath("$.authorName").value("민지"))
			.andExpect(jsonPath("$.mine").value(false))
			.andExpect(jsonPath("$.hasAnalysis").value(false))
			.andExpect(jsonPath("$.analysis").value(nullValue()))
			.andExpect(jsonPath("$.editedAt").value(nullValue()));
	}

	@Test
	void storesScriptTagsAndJavascriptLinksWordForWordAsJsonText() throws Exception {
		String body = "<script>alert('x')</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)>";
		UUID id = write(author, "민지", "<b>title</b>", body, "QA");
		mvc.perform(get(POSTS + "/" + id).with(member(reader, "독자")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.body").value(body))
			.andExpect(jsonPath("$.title").value("<b>title</b>"));
	}

	@Test
	void stripsControlCharactersSoNoHighlightMarkerCanBeForged() throws Exception {
		UUID id = write(author, "민지", "a\u0001b\u0002c", "x\u0001y\u0000z\n", "QA");
		mvc.perform(get(POSTS + "/" + id).with(member(reader, "독자")))
			.andExpect(jsonPath("$.title").value("abc"))
			.andExpect(jsonPath("$.body").value("xyz"));
	}

	@Test
	void refusesEmptyOversizedAndUncategorisedPostsNamingTheField() throws Exception {
		expectFieldProblem(json("title", " ", "body", "b", "category", "QA"), "title");
		expectFieldProblem(json("title", "t".repeat(201), "body", "b", "category", "QA"), "title");
		expectFieldProblem(json("title", "t", "body", "", "category", "QA"), "body");
		expectFieldProblem(json("title", "t", "body", "b".repeat(20_001), "category", "QA"), "body");
		expectFieldProblem(json("title", "t", "body", "b", "category", "GOSSIP"), "category");
		expectFieldProblem(json("title", "t", "body", "b"), "category");
		mvc.perform(post(POSTS).with(member(author, "민지")).contentType(MediaType.APPLICATION_JSON).content("{"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(PROBLEM + "malformed-request"));
	}

	@Test
	void acceptsTheLongestTitleAndBody() throws Exception {
		write(author, "민지", "가".repeat(200), "나".repeat(20_000), "FEEDBACK");
	}

	@Test
	void onlyTheAuthorChangesOrDeletesAPostEveryoneElseGets404() throws Exception {
		UUID id = write(author, "민지", "원래 제목", "원래 본문", "QA");
		String changes = json("title", "남의 제목");
		mvc.perform(patch(POSTS + "/" + id).with(member(reader, "독자")).contentType(MediaType.APPLICATION_JSON)
			.content(changes)).andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value(PROBLEM + "not-found"));
		mvc.perform(delete(POSTS + "/" + id).with(member(reader, "독자"))).andExpect(status().isNotFound());
		mvc.perform(patch(POSTS + "/" + UUID.randomUUID()).with(member(author, "민지"))
			.contentType(MediaType.APPLICATION_JSON).content(changes)).andExpect(status().isNotFound());

		mvc.perform(patch(POSTS + "/" + id).with(member(author, "민지")).contentType(MediaType.APPLICATION_JSON)
			.content(json("title", "바뀐 제목", "category", "FEEDBACK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("바뀐 제목"))
			.andExpect(jsonPath("$.body").value("원래 본문"))
			.andExpect(jsonPath("$.category").value("FEEDBACK"))
			.andExpect(jsonPath("$.editedAt").isNotEmpty());
		mvc.perform(patch(POSTS + "/" + id).with(member(author, "민지")).contentType(MediaType.APPLICATION_JSON)
			.content(json("body", "  "))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));

		mvc.perform(delete(POSTS + "/" + id).with(member(author, "민지"))).andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + id).with(member(author, "민지"))).andExpect(status().isNotFound());
	}

	@Test
	void pagesThroughEveryPostOnceWithKeysetCursors() throws Exception {
		UUID me = UUID.randomUUID();
		List<UUID> written = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			written.add(0, write(me, "작가", "page " + i, "body " + i, "INDUSTRY_NEWS"));
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String answer = mvc.perform(get(POSTS).param("author", "me").param("size", "3")
				.param("cursor", cursor == null ? "" : cursor).with(member(me, "작가")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			seen.addAll(JsonPath.read(answer, "$.items[*].id"));
			cursor = JsonPath.read(answer, "$.nextCursor");
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(written.stream().map(UUID::toString).toList());
	}

	@Test
	void sortsByLikesAndByCommentsWithTiesNewestFirst() throws Exception {
		UUID me = UUID.randomUUID();
		UUID quiet = write(me, "작가", "quiet", "b", "QA");
		UUID liked = write(me, "작가", "liked", "b", "QA");
		UUID discussed = write(me, "작가", "discussed", "b", "QA");
		for (int i = 0; i < 3; i++) {
			mvc.perform(put(POSTS + "/" + liked + "/like").with(member(UUID.randomUUID(), "fan")))
				.andExpect(status().isNoContent());
		}
		mvc.perform(post(POSTS + "/" + discussed + "/comments").with(member(reader, "독자"))
			.contentType(MediaType.APPLICATION_JSON).content(json("body", "좋아요"))).andExpect(status().isCreated());

		assertThat(order("likes", me)).containsExactly(liked.toString(), discussed.toString(), quiet.toString());
		assertThat(order("comments", me)).containsExactly(discussed.toString(), liked.toString(), quiet.toString());
		assertThat(order("newest", me)).containsExactly(discussed.toString(), liked.toString(), quiet.toString());
		// A second page of the likes order continues after the first.
		String first = mvc.perform(get(POSTS).param("sort", "likes").param("author", "me").param("size", "1")
			.with(member(me, "작가"))).andReturn().getResponse().getContentAsString();
		mvc.perform(get(POSTS).param("sort", "likes").param("author", "me").param("size", "2")
			.param("cursor", (String) JsonPath.read(first, "$.nextCursor")).with(member(me, "작가")))
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(discussed.toString(), quiet.toString())))
			.andExpect(jsonPath("$.nextCursor").value(nullValue()));
	}

	@Test
	void filtersByCategory() throws Exception {
		UUID me = UUID.randomUUID();
		write(me, "작가", "news", "b", "INDUSTRY_NEWS");
		UUID qa = write(me, "작가", "question", "b", "QA");
		mvc.perform(get(POSTS).param("category", "QA").param("author", "me").with(member(me, "작가")))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(qa.toString()))
			.andExpect(jsonPath("$.items[0].mine").value(true));
	}

	@Test
	void answersAnEmptyPagePastTheEndAndRefusesGarbageCursorsAndSizes() throws Exception {
		UUID me = UUID.randomUUID();
		write(me, "작가", "only", "b", "QA");
		String answer = mvc.perform(get(POSTS).param("author", "me").param("size", "1").with(member(me, "작가")))
			.andReturn().getResponse().getContentAsString();
		assertThat((String) JsonPath.read(answer, "$.nextCursor")).isNull();
		String pastTheEnd = dev.hitter.community.paging.Cursor.of("posts-newest", "2000-01-01T00:00:00Z",
				new UUID(0, 0)).encode();
		mvc.perform(get(POSTS).param("author", "me").param("cursor", pastTheEnd).with(member(me, "작가")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(0)));
		for (String garbage : List.of("garbage", "%%%", "YWJj", "x".repeat(5000),
				dev.hitter.community.paging.Cursor.of("posts-likes", 1, "2000-01-01T00:00:00Z", new UUID(0, 0)).encode(),
				dev.hitter.community.paging.Cursor.of("posts-newest", "yesterday", "nope").encode())) {
			mvc.perform(get(POSTS).param("cursor", garbage).with(member(me, "작가")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("cursor"));
		}
		for (String size : List.of("0", "101", "-1", "many")) {
			mvc.perform(get(POSTS).param("size", size).with(member(me, "작가")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("size"));
		}
		mvc.perform(get(POSTS).param("sort", "hot").with(member(me, "작가")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
		mvc.perform(get(POSTS).param("author", "someone").with(member(me, "작가")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("author"));
		mvc.perform(get(POSTS + "/not-a-uuid").with(member(me, "작가"))).andExpect(status().isBadRequest());
	}

	@Test
	void likingTwiceCountsOnceAndUnlikingIsIdempotentToo() throws Exception {
		UUID id = write(author, "민지", "like me", "b", "QA");
		for (int i = 0; i < 2; i++) {
			mvc.perform(put(POSTS + "/" + id + "/like").with(member(reader, "독자"))).andExpect(status().isNoContent());
		}
		mvc.perform(get(POSTS + "/" + id).with(member(reader, "독자")))
			.andExpect(jsonPath("$.likes").value(1)).andExpect(jsonPath("$.likedByMe").value(true));
		for (int i = 0; i < 2; i++) {
			mvc.perform(delete(POSTS + "/" + id + "/like").with(member(reader, "독자"))).andExpect(status().isNoContent());
		}
		mvc.perform(get(POSTS + "/" + id).with(member(reader, "독자")))
			.andExpect(jsonPath("$.likes").value(0)).andExpect(jsonPath("$.likedByMe").value(false));
		mvc.perform(put(POSTS + "/" + UUID.randomUUID() + "/like").with(member(reader, "독자")))
			.andExpect(status().isNotFound());
	}

	@Test
	void countsViewsInMemoryAndWritesThemOnlyWhenFlushed() throws Exception {
		UUID id = write(author, "민지", "views", "b", "QA");
		views.flush();
		for (int i = 0; i < 5; i++) {
			mvc.perform(get(POSTS + "/" + id).with(member(reader, "독자"))).andExpect(status().isOk());
		}
		assertThat(storedViews(id)).as("no write per read").isZero();
		mvc.perform(get(POSTS).param("author", "me").with(member(author, "민지")))
			.andExpect(jsonPath("$.items[0].views").value(5));
		views.flush();
		assertThat(storedViews(id)).isEqualTo(5);
		mvc.perform(get(POSTS + "/" + id).with(member(reader, "독자"))).andExpect(jsonPath("$.views").value(6));
	}

	@Test
	void refusesEveryCallWithoutAToken() throws Exception {
		mvc.perform(get(POSTS)).andExpect(status().isUnauthorized());
		mvc.perform(post(POSTS).contentType(MediaType.APPLICATION_JSON).content(json("title", "t", "body", "b",
				"category", "QA"))).andExpect(status().isUnauthorized());
	}

	private long storedViews(UUID id) {
		return jdbc.sql("select views from posts where id = ?").param(id.toString()).query(Long.class).single();
	}

	private List<String> order(String sort, UUID me) throws Exception {
		String answer = mvc.perform(get(POSTS).param("sort", sort).param("author", "me").with(member(me, "작가")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(answer, "$.items[*].id");
	}

	private ResultActions expectFieldProblem(String body, String field) throws Exception {
		return mvc.perform(post(POSTS).with(member(author, "민지")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEM + "validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}
}
