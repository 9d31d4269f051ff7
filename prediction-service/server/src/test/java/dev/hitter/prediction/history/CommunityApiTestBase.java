package dev.hitter.prediction.history;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.models.Genre;
import dev.hitter.prediction.MultipartBodies;
import dev.hitter.prediction.PredictionTestContext;
import dev.hitter.prediction.TestTracks;

/**
 * What the leaderboard, likes and reference-track tests share: one context on the real database with the fixture
 * models, tokens for members and administrators, and predictions with chosen hit probabilities.
 *
 * <p>The leaderboard and the references span every member's predictions, so each test starts from an empty
 * {@code prediction} table (other test classes only ever look at predictions they made themselves).
 */
@SpringBootTest
@PredictionTestContext(schema = "hitter_prediction")
@AutoConfigureMockMvc
abstract class CommunityApiTestBase {

	static final String BASE = "/api/v1/predictions";

	/** A real analysis's explanation, made once per JVM, for the predictions the tests store directly. */
	private static String explanation;

	@Autowired
	MockMvc mvc;

	@Autowired
	PredictionRepository predictions;

	private Instant clock = Instant.parse("2026-11-01T10:00:00Z");

	@BeforeEach
	void startFromNoPredictions() throws Exception {
		if (explanation == null) {
			explanation = predictions.findById(UUID.fromString(analyse(UUID.randomUUID(), "POP"))).orElseThrow()
				.explanation();
		}
		// Likes and spectrograms go with them (ON DELETE CASCADE).
		predictions.deleteAllInBatch();
	}

	/** A prediction through the real pipeline: POST with a generated WAV. */
	String analyse(UUID member, String genre) throws Exception {
		String body = mvc.perform(multipart(BASE)
			.file(new MockMultipartFile("audio", "track.wav", "audio/wav", TestTracks.wav(40, 16_000, 1)))
			.param("genre", genre)
			.param("lyrics", PredictionApiTest.LYRICS)
			.with(member(member)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	/**
	 * A prediction stored directly with the hit probability a test needs (the fixture models' scores cannot be
	 * chosen); each one is a second younger than the one before.
	 */
	UUID stored(UUID member, Genre genre, double hitProbability, boolean shared) {
		return stored(member, genre, hitProbability, shared, "Track " + hitProbability, true);
	}

	/**
	 * As {@link #stored(UUID, Genre, double, boolean)}, titled, and answered by demonstration models (the fixture
	 * models are) or by models that are not: the same explanation with both models' flags cleared.
	 */
	UUID stored(UUID member, Genre genre, double hitProbability, boolean shared, String title,
			boolean demonstration) {
		clock = clock.plus(1, ChronoUnit.SECONDS);
		String answered = demonstration ? explanation
				: explanation.replace("\"demonstration\":true", "\"demonstration\":false");
		Prediction prediction = new Prediction(UUID.randomUUID(), member, title, "Artist", genre, hitProbability,
				hitProbability, hitProbability, "fixture", 0, 0, answered, null, clock);
		prediction.share(shared);
		return predictions.save(prediction).id();
	}

	/** A private prediction by demonstration models made at the given moment (not the test's clock). */
	UUID storedAt(UUID member, Instant createdAt, String title) {
		Prediction prediction = new Prediction(UUID.randomUUID(), member, title, "Artist", Genre.POP, 0.5, 0.5, 0.5,
				"fixture", 0, 0, explanation, null, createdAt);
		return predictions.save(prediction).id();
	}

	String read(String path, UUID member) throws Exception {
		return mvc.perform(get(path).with(member(member)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static String path(UUID id) {
		return BASE + "/" + id;
	}

	/** A member's token, and the multipart body a client would send (see {@link MultipartBodies}). */
	static RequestPostProcessor member(UUID id) {
		RequestPostProcessor token = jwt().jwt(jwt -> jwt.subject(id.toString()).claim("email_verified", true).claim("roles", List.of("MEMBER")));
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}

	/** A member who has not verified their e-mail address yet. */
	static RequestPostProcessor unverifiedMember(UUID id) {
		RequestPostProcessor token = jwt()
			.jwt(jwt -> jwt.subject(id.toString()).claim("email_verified", false).claim("roles", List.of("MEMBER")));
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}

	static RequestPostProcessor admin(UUID id) {
		return jwt().jwt(token -> token.subject(id.toString()).claim("email_verified", true).claim("roles", List.of("MEMBER", "ADMIN")));
	}
}
