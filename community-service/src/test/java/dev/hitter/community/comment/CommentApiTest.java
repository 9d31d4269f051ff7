package dev.hitter.community.comment;

import static dev.hitter.community.TestMembers.member;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.community.CommunityApiTestBase;

/** Comments, one level of replies, their likes and the notifications they cause, on the real database. */
class CommentApiTest extends CommunityApiTestBase {

	private final UUID author = UUID.randomUUID();

	private final UUID commenter = UUID.randomUUID();

	private final UUID replier = UUID.randomUUID();

	@Test
	void commentsAndRepliesFormATwoLevelThreadCountedOnThePost() throws Exception {
		UUID post = write(author, "작가", "스레드", "본문", "QA");
		UUID top = comment(post, commenter, "댓글", null);
		comment(post, replier, "답글", top);
		UUID second = comment(post, author, "두 번째 댓글", null);
		mvc.perform(get(POSTS + "/" + post + "/comments").with(member(replier, "답글러")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0].id").value(top.toString()))
			.andExpect(jsonPath("$.items[0].authorName").value("댓글러"))
			.andExpect(jsonPath("$.items[0].replies", hasSize(1)))
			.andExpect(jsonPath("$.items[0].replies[0].body").value("답글"))
			.andExpect(jsonPath("$.items[0].replies[0].parentId").value(top.toString()))
			.andExpect(jsonPath("$.items[0].replies[0].mine").value(true))
			.andExpect(jsonPath("$.items[1].id").value(second.toString()));
		mvc.perform(get(POSTS + "/" + post).with(member(author, "작가"))).andExpect(jsonPath("$.comments").value(3));
	}

	@Test
	void repliesGoOneLevelDeepOnly() throws Exception {
		UUID post = write(author, "작가", "깊이", "본문", "QA");
		UUID top = comment(post, commenter, "댓글", null);
		UUID reply = comment(post, replier, "답글", top);
		create(post, commenter, "답글의 답글", reply).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parentId"));
		UUID otherPost = write(author, "작가", "다른 글", "본문", "QA");
		create(otherPost, commenter, "엉뚱한 부모", top).andExpect(status().isBadRequest());
	}

	@Test
	void aDeletedCommentWithRepliesStaysAsDeletedWithoutItsBody() throws Exception {
		UUID post = write(author, "작가", "삭제", "본문", "QA");
		UUID top = comment(post, commenter, "지울 댓글", null);
		comment(post, replier, "남는 답글", top);
		UUID lonely = comment(post, commenter, "답글 없는 댓글", null);
		mvc.perform(delete("/api/v1/community/comments/" + top).with(member(replier, "답글러")))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/community/comments/" + top).with(member(commenter, "댓글러")))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/community/comments/" + lonely).with(member(commenter, "댓글러")))
			.andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + post + "/comments").with(member(author, "작가")))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].deleted").value(true))
			.andExpect(jsonPath("$.items[0].body").value(""))
			.andExpect(jsonPath("$.items[0].replies[0].body").value("남는 답글"));
		mvc.perform(get(POSTS + "/" + post).with(member(author, "작가"))).andExpect(jsonPath("$.comments").value(1));
	}

	@Test
	void onlyTheAuthorEditsACommentAndBadBodiesAre400() throws Exception {
		UUID post = write(author, "작가", "수정", "본문", "QA");
		UUID id = comment(post, commenter, "원래", null);
		mvc.perform(patch("/api/v1/community/comments/" + id).with(member(author, "작가"))
			.contentType(MediaType.APPLICATION_JSON).content(json("body", "남이 고침"))).andExpect(status().isNotFound());
		mvc.perform(patch("/api/v1/community/comments/" + id).with(member(commenter, "댓글러"))
			.contentType(MediaType.APPLICATION_JSON).content(json("body", "고침")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.body").value("고침"))
			.andExpect(jsonPath("$.editedAt").isNotEmpty());
		create(post, commenter, "", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		create(post, commenter, "x".repeat(5001), null).andExpect(status().isBadRequest());
		create(UUID.randomUUID(), commenter, "없는 글", null).andExpect(status().isNotFound());
	}

	@Test
	void commentLikesAreIdempotent() throws Exception {
		UUID post = write(author, "작가", "좋아요", "본문", "QA");
		UUID id = comment(post, commenter, "좋은 댓글", null);
		for (int i = 0; i < 2; i++) {
			mvc.perform(put("/api/v1/community/comments/" + id + "/like").with(member(author, "작가")))
				.andExpect(status().isNoContent());
		}
		mvc.perform(get(POSTS + "/" + post + "/comments").with(member(author, "작가")))
			.andExpect(jsonPath("$.items[0].likes").value(1)).andExpect(jsonPath("$.items[0].likedByMe").value(true));
		mvc.perform(delete("/api/v1/community/comments/" + id + "/like").with(member(author, "작가")))
			.andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + post + "/comments").with(member(author, "작가")))
			.andExpect(jsonPath("$.items[0].likes").value(0));
	}

	@Test
	void theAuthorIsToldOfCommentsRepliesAndLikesButNobodyOfTheirOwn() throws Exception {
		UUID me = UUID.randomUUID();
		UUID post = write(me, "작가", "알림", "본문", "QA");
		UUID top = comment(post, commenter, "댓글", null);
		comment(post, me, "내 답글", top);
		mvc.perform(put(POSTS + "/" + post + "/like").with(member(commenter, "댓글러"))).andExpect(status().isNoContent());
		mvc.perform(put(POSTS + "/" + post + "/like").with(member(commenter, "댓글러"))).andExpect(status().isNoContent());
		mvc.perform(put(POSTS + "/" + post + "/like").with(member(me, "작가"))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/community/notifications/unread-count").with(member(me, "작가")))
			.andExpect(jsonPath("$.count").value(2));
		String page = mvc.perform(get("/api/v1/community/notifications").with(member(me, "작가")))
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0].kind").value("POST_LIKE"))
			.andExpect(jsonPath("$.items[0].actorName").value("댓글러"))
			.andExpect(jsonPath("$.items[1].kind").value("COMMENT"))
			.andExpect(jsonPath("$.items[1].postId").value(post.toString()))
			.andReturn().getResponse().getContentAsString();
		mvc.perform(get("/api/v1/community/notifications").with(member(commenter, "댓글러")))
			.andExpect(jsonPath("$.items[0].kind").value("REPLY"));

		String first = JsonPath.read(page, "$.items[0].id");
		mvc.perform(post("/api/v1/community/notifications/read").with(member(me, "작가"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"ids\":[\"" + first + "\"]}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/community/notifications/unread-count").with(member(me, "작가")))
			.andExpect(jsonPath("$.count").value(1));
		mvc.perform(post("/api/v1/community/notifications/read").with(member(me, "작가"))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/community/notifications/unread-count").with(member(me, "작가")))
			.andExpect(jsonPath("$.count").value(0));
	}

	private UUID comment(UUID post, UUID member, String body, UUID parent) throws Exception {
		String answer = create(post, member, body, parent).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(answer, "$.id"));
	}

	private ResultActions create(UUID post, UUID member, String body, UUID parent) throws Exception {
		String name = member.equals(author) ? "작가" : member.equals(commenter) ? "댓글러" : "답글러";
		return mvc.perform(post(POSTS + "/" + post + "/comments").with(member(member, name))
			.contentType(MediaType.APPLICATION_JSON)
			.content(parent == null ? json("body", body) : json("body", body, "parentId", parent.toString())));
	}
}
