package dev.hitter.prediction.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.prediction.MultipartBodies;
import dev.hitter.prediction.PartnerApiTestBase;
import dev.hitter.prediction.TestTracks;
import dev.hitter.prediction.member.MemberErasure;

/**
 * Analyses and jobs remember the partner client that made them, and a member sees how much each of their own
 * clients used prediction-service: requests, analyses, jobs, per UTC day.
 */
class ClientUsageApiTest extends PartnerApiTestBase {

	static final String USAGE = "/api/v1/predictions/client-usage";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClientUsage usage;

	@Autowired
	MemberErasure erasure;

	final UUID owner = UUID.randomUUID();

	final String catalogue = "hc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);

	final String batch = "hc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);

	@Test
	void recordsTheClientOfEachAnalysisAndJobAndShowsItsUsageToItsMemberOnly() throws Exception {
		RequestPostProcessor catalogueToken = client(owner, catalogue, "predictions:read", "predictions:write");
		String single = JsonPath.read(mvc.perform(analysis().with(encoded(catalogueToken)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String mine = JsonPath.read(mvc.perform(analysis().with(encoded(member(owner))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/api/v1/predictions/" + single).with(catalogueToken)).andExpect(status().isOk());
		}
		// Refused for its scope: still a request the client made.
		mvc.perform(put("/api/v1/predictions/" + single + "/like").with(catalogueToken))
			.andExpect(status().isForbidden());
		String job = JsonPath.read(mvc.perform(multipart("/api/v1/prediction-jobs")
			.file(new MockMultipartFile("files", "b.wav", "audio/wav", TestTracks.wav(40, 16_000, 1)))
			.param("genre", "DANCE")
			.with(client(owner, batch, "jobs:write")))
			.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
		String itemPrediction = awaitItemPrediction(job);

		assertThat(clientOf("prediction", single)).isEqualTo(catalogue);
		assertThat(clientOf("prediction", mine)).isNull();
		assertThat(clientOf("prediction_job", job)).isEqualTo(batch);
		assertThat(clientOf("prediction", itemPrediction)).isEqualTo(batch);

		String report = mvc.perform(get(USAGE).param("days", "7").with(member(owner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		assertThat(JsonPath.<String>read(report, "$.to")).isEqualTo(today.toString());
		assertThat(JsonPath.<String>read(report, "$.from")).isEqualTo(today.minusDays(6).toString());
		assertThat(JsonPath.<List<String>>read(report, "$.clients[*].clientId"))
			.containsExactlyInAnyOrder(catalogue, batch);
		String c = "$.clients[?(@.clientId == '" + catalogue + "')]";
		String b = "$.clients[?(@.clientId == '" + batch + "')]";
		// The analysis, three readings and the refused like; the member's own requests are nobody's client's.
		assertThat(JsonPath.<List<Integer>>read(report, c + ".requests")).containsExactly(5);
		assertThat(JsonPath.<List<Integer>>read(report, c + ".analyses")).containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(report, c + ".jobs")).containsExactly(0);
		assertThat(JsonPath.<List<Integer>>read(report, b + ".requests")).containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(report, b + ".analyses")).containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(report, b + ".jobs")).containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(report, c + ".days.length()")).containsExactly(7);
		assertThat(JsonPath.<List<String>>read(report, c + ".days[6].date")).containsExactly(today.toString());
		assertThat(JsonPath.<List<Integer>>read(report, c + ".days[6].requests")).containsExactly(5);
		assertThat(JsonPath.<List<Integer>>read(report, c + ".days[6].analyses")).containsExactly(1);
		assertThat(JsonPath.<List<Integer>>read(report, c + ".days[0].requests")).containsExactly(0);
		Instant lastUsed = Instant.parse(JsonPath.<List<String>>read(report, c + ".lastUsedAt").get(0));
		assertThat(lastUsed).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());

		// Another member sees only their own clients: none.
		mvc.perform(get(USAGE).with(member(UUID.randomUUID())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clients").isEmpty());
	}

	@Test
	void refusesClientTokensAndSpansOutsideOneToNinetyDays() throws Exception {
		mvc.perform(get(USAGE).with(client(owner, catalogue, "predictions:read")))
			.andExpect(status().isForbidden());
		for (String days : List.of("0", "91", "-3")) {
			mvc.perform(get(USAGE).param("days", days).with(member(owner)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
				.andExpect(jsonPath("$.errors[0].field").value("days"));
		}
		mvc.perform(get(USAGE).param("days", "90").with(member(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(LocalDate.now(ZoneOffset.UTC).minusDays(89).toString()));
		mvc.perform(get(USAGE)).andExpect(status().isUnauthorized());
	}

	@Test
	void writesWhatWasCountedInBatchesAndForgetsAnErasedMember() {
		UUID erased = UUID.randomUUID();
		for (int i = 0; i < 250; i++) {
			usage.request(owner, catalogue);
		}
		usage.analysis(owner, catalogue);
		usage.request(erased, batch);
		usage.flush();
		assertThat(usage.report(owner, 1).clients()).singleElement().satisfies(client -> {
			assertThat(client.requests()).isEqualTo(250);
			assertThat(client.analyses()).isEqualTo(1);
		});
		assertThat(usage.report(erased, 1).clients()).hasSize(1);
		erasure.erase(erased);
		assertThat(usage.report(erased, 90).clients()).isEmpty();
		// Counted after the erasure (a request in flight): never written.
		usage.request(erased, batch);
		usage.flush();
		assertThat(usage.report(erased, 90).clients()).isEmpty();
	}

	private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder analysis() {
		return multipart("/api/v1/predictions")
			.file(new MockMultipartFile("audio", "track.wav", "audio/wav", TestTracks.wav(40, 16_000, 1)))
			.param("genre", "POP");
	}

	/** The token, and the multipart body a client would send (see {@link MultipartBodies}). */
	private static RequestPostProcessor encoded(RequestPostProcessor token) {
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}

	private String clientOf(String table, String id) {
		return jdbc.sql("SELECT client_id FROM " + table + " WHERE id = ?")
			.param(id)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

	private String awaitItemPrediction(String job) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		String body;
		do {
			Thread.sleep(100);
			body = mvc.perform(get("/api/v1/prediction-jobs/" + job).with(member(owner)))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		while (!"COMPLETED".equals(JsonPath.read(body, "$.state")) && Instant.now().isBefore(deadline));
		assertThat(JsonPath.<String>read(body, "$.items[0].state")).as(body).isEqualTo("SUCCEEDED");
		return JsonPath.read(body, "$.items[0].predictionId");
	}
}
