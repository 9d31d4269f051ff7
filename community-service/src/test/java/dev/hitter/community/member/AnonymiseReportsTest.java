package dev.hitter.community.member;

import static dev.hitter.community.TestMembers.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import dev.hitter.community.CommunityApiTestBase;

/** A deleted member's reports leave the moderation queue; other members' reports of the same post stay. */
class AnonymiseReportsTest extends CommunityApiTestBase {

	@Autowired
	MemberRecords records;

	@Test
	void theReportsADeletedMemberFiledGoAndOthersStay() throws Exception {
		UUID author = UUID.randomUUID();
		UUID leaving = UUID.randomUUID();
		UUID staying = UUID.randomUUID();
		UUID post = write(author, "작성자", "신고될 글", "본문", "FREE_TALK");
		report(leaving, post);
		report(staying, post);

		records.anonymise(leaving);

		assertThat(reportsBy(leaving)).isZero();
		assertThat(reportsBy(staying)).isEqualTo(1);
	}

	private void report(UUID reporter, UUID post) throws Exception {
		mvc.perform(post("/api/v1/community/reports").with(member(reporter, "신고자"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("targetType", "POST", "targetId", post.toString(), "reason", "광고")))
			.andExpect(status().isCreated());
	}

	private long reportsBy(UUID reporter) {
		return jdbc.sql("select count(*) from reports where reporter_id = :id")
			.param("id", reporter.toString())
			.query(Long.class)
			.single();
	}
}
