package dev.hitter.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.prediction.MultipartBodies;
import dev.hitter.prediction.PredictionTestContext;
import dev.hitter.prediction.TestTracks;

/** {@code GET /api/v1/models}: the cards of the models serving each genre, for anyone, read-only. */
@SpringBootTest
@PredictionTestContext(schema = "hitter_prediction")
@AutoConfigureMockMvc
class ModelsApiTest {

	static final String MODELS = "/api/v1/models";

	@Autowired
	MockMvc mvc;

	@Test
	void describesEveryGenresModelsWithoutAToken() throws Exception {
		mvc.perform(get(MODELS))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=60, public"))
			.andExpect(jsonPath("$.genres[*].genre").value(Matchers.contains("POP", "BALLAD", "DANCE")))
			.andExpect(jsonPath("$.unavailable").isEmpty())
			.andExpect(jsonPath("$.genres[0].version").value("v20261120-000000"))
			.andExpect(jsonPath("$.genres[0].demonstration").value(true))
			.andExpect(jsonPath("$.genres[0].audio.modelId").value("pop-audio-v20261120-000000"))
			.andExpect(jsonPath("$.genres[0].audio.kind").value("AUDIO"))
			.andExpect(jsonPath("$.genres[0].audio.demonstration").value(true))
			.andExpect(jsonPath("$.genres[0].audio.notice").value("demonstration model trained on synthetic data"))
			.andExpect(jsonPath("$.genres[0].audio.trainedAt").value("2026-11-27T00:00:00Z"))
			.andExpect(jsonPath("$.genres[0].lyrics.modelId").value("pop-lyrics-v20261120-000000"))
			.andExpect(jsonPath("$.genres[0].lyrics.trainedOn.source").value("synthetic-demo"))
			.andExpect(jsonPath("$.genres[0].lyrics.trainedOn.dataset").value("test fixture: random weights, never trained"))
			.andExpect(jsonPath("$.genres[0].lyrics.trainedOn.songs").value(2))
			.andExpect(jsonPath("$.genres[0].lyrics.trainedOn.releaseYears").isEmpty())
			.andExpect(jsonPath("$.genres[0].lyrics.heldOut.songs").value(2))
			.andExpect(jsonPath("$.genres[0].lyrics.heldOut.auc").isNumber())
			.andExpect(jsonPath("$.genres[0].lyrics.heldOut.calibrationError").isNumber())
			.andExpect(jsonPath("$.genres[0].lyrics.limits").value(Matchers.hasItem(
					"It was trained on synthetic songs, not real ones: its score says nothing about whether a real "
							+ "track will be a hit.")))
			.andExpect(jsonPath("$.genres[0].lyrics.limits").value(
					Matchers.hasItem("It reads at most the first 512 words of the lyrics; the rest is not scored.")))
			.andExpect(jsonPath("$.genres[0].audio.limits").value(
					Matchers.hasItem("It listens to one 30-second segment of the track, not the whole song.")))
			.andExpect(jsonPath("$.genres[0].combination.method").value("fixture (not fitted)"))
			.andExpect(jsonPath("$.genres[0].combination.audioWeight").value(0.6))
			.andExpect(jsonPath("$.genres[0].combination.lyricsWeight").value(0.4))
			.andExpect(jsonPath("$.genres[0].combination.bias").value(-0.2));
	}

	@Test
	void describesOneGenreInAnyCase() throws Exception {
		mvc.perform(get(MODELS + "/ballad"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "max-age=60, public"))
			.andExpect(jsonPath("$.genre").value("BALLAD"))
			.andExpect(jsonPath("$.audio.modelId").value("ballad-audio-v20261120-000000"))
			.andExpect(jsonPath("$.lyrics.modelId").value("ballad-lyrics-v20261120-000000"))
			.andExpect(jsonPath("$.audio.limits").value(Matchers.hasItem(
					"It scores BALLAD tracks only: a track analysed under the wrong genre gets a meaningless score.")));
	}

	@Test
	void refusesAnUnknownGenreNamingTheField() throws Exception {
		mvc.perform(get(MODELS + "/TROT"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("genre"))
			.andExpect(jsonPath("$.errors[0].detail").value("must be one of POP, BALLAD, DANCE"));
	}

	@Test
	void servesNoPictureItsEvaluationDoesNotList() throws Exception {
		// The fixture sets carry no evaluation: nothing is listed, so nothing in their folders is served.
		mvc.perform(get(MODELS))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.genres[0].evaluation").isEmpty());
		for (String name : List.of("roc.png", "card.json", "evaluation.json", "vocabulary.txt")) {
			mvc.perform(get(MODELS + "/POP/pictures/" + name))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/not-found"));
		}
		// A way out of the folder is refused, whether the firewall (400) or the name check (404) stops it.
		for (String name : List.of("..%2Fpromoted.json", "%2E%2E", "..%5Cpromoted.json")) {
			mvc.perform(get(MODELS + "/POP/pictures/" + name))
				.andExpect(status().is(Matchers.oneOf(400, 404)))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}
		mvc.perform(get(MODELS + "/TROT/pictures/roc.png"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("genre"));
	}

	@Test
	void refusesWritesWithOrWithoutAToken() throws Exception {
		// Public only for reading: without a token a write is refused by security before any handler...
		mvc.perform(post(MODELS)).andExpect(status().isUnauthorized());
		mvc.perform(put(MODELS + "/POP")).andExpect(status().isUnauthorized());
		mvc.perform(delete(MODELS + "/POP")).andExpect(status().isUnauthorized());
		// ...and with one there is still nothing to write.
		mvc.perform(post(MODELS).with(member()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/method-not-allowed"));
	}

	@Test
	void quotesTheSameModelAndNoticeAsAPredictionItAnswers() throws Exception {
		String prediction = mvc.perform(multipart("/api/v1/predictions")
			.file(new MockMultipartFile("audio", "track.wav", "audio/wav", TestTracks.wav(40, 16_000, 1)))
			.param("genre", "DANCE")
			.param("lyrics", "dance all night, dance with me")
			.with(member()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String card = mvc.perform(get(MODELS + "/DANCE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String kind : List.of("audio", "lyrics")) {
			Map<String, Object> answered = JsonPath.read(prediction, "$.model." + kind);
			Map<String, Object> described = JsonPath.read(card, "$." + kind);
			assertThat(described.get("modelId")).isEqualTo(answered.get("modelId"));
			assertThat(described.get("version")).isEqualTo(answered.get("version"));
			assertThat(described.get("demonstration")).isEqualTo(answered.get("demonstration"));
			assertThat(described.get("notice")).isEqualTo(answered.get("notice")).asString().isNotBlank();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void documentsBothOperationsAsPublicWithTheirProblems() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String path : List.of(MODELS, MODELS + "/{genre}")) {
			Map<String, Object> operation = JsonPath.read(docs, "$.paths['" + path + "'].get");
			assertThat(operation.get("summary")).as(path).asString().startsWith("Describe the models");
			assertThat((List<Object>) operation.get("tags")).as(path).containsExactly("Models");
			assertThat((List<Object>) operation.get("security")).as(path + ": public, no scheme").isEmpty();
			assertThat(JsonPath.<Map<String, Object>>read(docs, "$.paths['" + path + "']")).containsOnlyKeys("get");
		}
		Map<String, Object> picture = JsonPath.read(docs, "$.paths['" + MODELS + "/{genre}/pictures/{name}'].get");
		assertThat(picture.get("summary")).asString().contains("picture");
		assertThat((List<Object>) picture.get("tags")).containsExactly("Models");
		assertThat((List<Object>) picture.get("security")).as("public, no scheme").isEmpty();
		assertThat((Map<String, Object>) picture.get("responses")).containsKeys("200", "400", "404", "503");
		Map<String, Object> responses = JsonPath.read(docs, "$.paths['" + MODELS + "/{genre}'].get.responses");
		assertThat(responses).containsKeys("200", "400", "503");
		assertThat(JsonPath.<Map<String, Object>>read(docs,
				"$.paths['" + MODELS + "/{genre}'].get.responses['400'].content")).containsKey("application/problem+json");
	}

	private static RequestPostProcessor member() {
		RequestPostProcessor token = jwt()
			.jwt(jwt -> jwt.subject(UUID.randomUUID().toString()).claim("email_verified", true).claim("roles", List.of("MEMBER")));
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}
}
