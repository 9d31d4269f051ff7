package dev.hitter.community.member;

import static dev.hitter.community.TestMembers.admin;
import static dev.hitter.community.TestMembers.member;
import static dev.hitter.community.TestMembers.service;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.community.CommunityApiTestBase;

/** The hooks the accounts work calls: a rename refreshes every name copy; an account deletion anonymises. */
class MemberHooksTest extends CommunityApiTestBase {

	private final UUID member = UUID.randomUUID();

	private final UUID other = UUID.randomUUID();

	private final UUID administrator = UUID.randomUUID();

	@Test
	void aRenameReachesEveryPostAndComment() throws Exception {
		UUID post = write(member, "옛이름", "이름 바꾸기", "본문", "QA");
		mvc.perform(post(POSTS + "/" + post + "/comments").with(member(member, "옛이름"))
			.contentType(MediaType.APPLICATION_JSON).content(json("body", "댓글"))).andExpect(status().isCreated());
		mvc.perform(post("/internal/v1/members/" + member + "/renamed").with(service("auth-service"))
			.contentType(MediaType.APPLICATION_JSON).content(json("displayName", "새이름"))).andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + post).with(member(other, "남"))).andExpect(jsonPath("$.authorName").value("새이름"));
		mvc.perform(get(POSTS + "/" + post + "/comments").with(member(other, "남")))
			.andExpect(jsonPath("$.items[0].authorName").value("새이름"));
	}

	@Test
	void anAnonymisedMembersWritingStaysAsADeletedMembersAndTheirLikesGo() throws Exception {
		UUID post = write(member, "떠날 사람", "남을 글", "본문", "QA");
		UUID othersPost = write(other, "남", "남의 글", "본문", "QA");
		mvc.perform(put(POSTS + "/" + othersPost + "/like").with(member(member, "떠날 사람"))).andExpect(status().isNoContent());
		mvc.perform(post("/internal/v1/members/" + member + "/anonymise").with(service("auth-service")))
			.andExpect(status().isNoContent());
		mvc.perform(post("/internal/v1/members/" + member + "/anonymise").with(service("auth-service")))
			.andExpect(status().isNoContent());
		mvc.perform(get(POSTS + "/" + post).with(member(other, "남")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authorName").value(Matchers.nullValue()))
			.andExpect(jsonPath("$.authorDeleted").value(true))
			.andExpect(jsonPath("$.authorId").value(DeletedMember.ID.toString()));
		mvc.perform(get(POSTS + "/" + othersPost).with(member(other, "남"))).andExpect(jsonPath("$.likes").value(0));
		// The former member can no longer change what was theirs.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(POSTS + "/" + post)
			.with(member(member, "떠날 사람"))).andExpect(status().isNotFound());
	}

	@Test
	void onlyAuthServicesServiceTokenCallsTheHooks() throws Exception {
		UUID post = write(member, "그대로", "이름 그대로", "본문", "QA");
		mvc.perform(post("/internal/v1/members/" + member + "/renamed").with(member(member, "나"))
			.contentType(MediaType.APPLICATION_JSON).content(json("displayName", "사칭")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));
		// An administrator is a member: no longer a credential for internal calls.
		mvc.perform(post("/internal/v1/members/" + member + "/renamed").with(admin(administrator, "관리자"))
			.contentType(MediaType.APPLICATION_JSON).content(json("displayName", "사칭"))).andExpect(status().isForbidden());
		mvc.perform(post("/internal/v1/members/" + other + "/anonymise").with(admin(administrator, "관리자")))
			.andExpect(status().isForbidden());
		// Another service's token: prediction-service has no business with members' names.
		mvc.perform(post("/internal/v1/members/" + member + "/renamed").with(service("prediction-service"))
			.contentType(MediaType.APPLICATION_JSON).content(json("displayName", "사칭"))).andExpect(status().isForbidden());
		mvc.perform(post("/internal/v1/members/" + other + "/anonymise")).andExpect(status().isUnauthorized());
		mvc.perform(post("/internal/v1/members/" + member + "/renamed").with(service("auth-service"))
			.contentType(MediaType.APPLICATION_JSON).content(json("displayName", " "))).andExpect(status().isBadRequest());
		mvc.perform(get(POSTS + "/" + post).with(member(other, "남"))).andExpect(jsonPath("$.authorName").value("그대로"));
	}

	@Test
	void aServiceTokenIsRefusedOnMemberEndpoints() throws Exception {
		mvc.perform(get(POSTS).with(service("auth-service")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/forbidden"));
		mvc.perform(post(POSTS).with(service("prediction-service")).contentType(MediaType.APPLICATION_JSON)
			.content(json("title", "서비스가 쓴 글", "body", "본문", "category", "QA"))).andExpect(status().isForbidden());
	}

	static String id(String json) {
		return JsonPath.read(json, "$.id");
	}
}
