package dev.hitter.community.member;

import static dev.hitter.community.TestMembers.unverifiedMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import dev.hitter.community.CommunityApiTestBase;

/** A member who has not verified their e-mail address reads the community but writes nothing in it. */
class UnverifiedMemberTest extends CommunityApiTestBase {

	private static final String EMAIL_UNVERIFIED = "https://hitter.dev/problems/email-unverified";

	private final UUID stranger = UUID.randomUUID();

	@Test
	void anUnverifiedMemberCannotWriteAPostAndNothingIsStored() throws Exception {
		String title = "unverified-" + UUID.randomUUID();
		mvc.perform(post(POSTS).with(unverifiedMember(stranger, "낯선이"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("title", title, "body", "본문", "category", "QA")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(EMAIL_UNVERIFIED));
		org.assertj.core.api.Assertions
			.assertThat(jdbc.sql("select count(*) from posts where title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	@Test
	void anUnverifiedMemberCannotCommentButCanRead() throws Exception {
		UUID post = write(UUID.randomUUID(), "작가", "읽을 글", "본문", "QA");
		mvc.perform(post(POSTS + "/" + post + "/comments").with(unverifiedMember(stranger, "낯선이"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("body", "댓글")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value(EMAIL_UNVERIFIED));
		mvc.perform(get(POSTS + "/" + post).with(unverifiedMember(stranger, "낯선이")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.comments").value(0));
	}
}
