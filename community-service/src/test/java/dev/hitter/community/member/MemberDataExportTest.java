package dev.hitter.community.member;

import static dev.hitter.community.TestMembers.member;
import static dev.hitter.community.TestMembers.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.community.CommunityApiTestBase;

/** A member's data archive holds all their posts, comments, likes and reports — and nobody else's. */
class MemberDataExportTest extends CommunityApiTestBase {

	@Autowired
	MemberDataExport export;

	@Test
	void holdsEveryPostCommentLikeAndReportOfTheMember() throws Exception {
		UUID me = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		// More than one page of 200.
		for (int i = 0; i < 203; i++) {
			write(me, "나", "글 " + i, "본문 " + i, "FREE_TALK");
		}
		UUID theirs = write(other, "남", "남의 글", "본문", "QA");
		mvc.perform(put(POSTS + "/" + theirs + "/like").with(member(me, "나"))).andExpect(status().isNoContent());
		mvc.perform(post(POSTS + "/" + theirs + "/comments").with(member(me, "나"))
			.contentType(MediaType.APPLICATION_JSON).content(json("body", "좋은 질문이네요")))
			.andExpect(status().isCreated());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(me, out);
		String document = out.toString(StandardCharsets.UTF_8);

		List<String> titles = JsonPath.read(document, "$.posts[*].title");
		assertThat(titles).hasSize(203).doesNotHaveDuplicates().doesNotContain("남의 글");
		assertThat(JsonPath.<List<String>>read(document, "$.comments[*].body")).containsExactly("좋은 질문이네요");
		assertThat(JsonPath.<List<String>>read(document, "$.likedPosts")).containsExactly(theirs.toString());
	}

	@Test
	void onlyAuthServicesTokenReadsItThroughTheInternalEndpoint() throws Exception {
		UUID me = UUID.randomUUID();
		write(me, "나", "내 글", "본문", "FREE_TALK");
		String export = "/internal/v1/members/" + me + "/export";
		mvc.perform(get(export).with(member(me, "나"))).andExpect(status().isForbidden());
		mvc.perform(get(export).with(service("prediction-service"))).andExpect(status().isForbidden());
		mvc.perform(get(export).with(service("auth-service")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.posts[0].title").value("내 글"));
	}
}
