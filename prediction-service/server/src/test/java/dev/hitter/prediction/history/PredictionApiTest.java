package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.models.Genre;
import dev.hitter.prediction.MultipartBodies;
import dev.hitter.prediction.PredictionTestContext;
import dev.hitter.prediction.TestTracks;
import dev.hitter.prediction.UploadsLeft;
import dev.hitter.prediction.analysis.AnalysisGate;
import dev.hitter.prediction.analysis.AnalysisObserver;
import dev.hitter.prediction.analysis.UploadFolder;

/**
 * The prediction resource end to end: real fixture models, a real MySQL-protocol database, WAVs written here, and
 * a look into the upload folder after every request.
 */
@SpringBootTest(properties = { "hitter.prediction.max-upload-size=3MB", "hitter.prediction.max-concurrent-analyses=1",
		"hitter.prediction.admission-wait=200ms", "hitter.prediction.retry-after=7s" })
@PredictionTestContext(schema = "hitter_prediction", noUploadLeft = true)
@AutoConfigureMockMvc
class PredictionApiTest {

	static final String BASE = "/api/v1/predictions";

	static final Path UPLOADS = UploadsLeft.folderFor(PredictionApiTest.class);

	static final String LYRICS = """
			사랑한다고 말하지 못했던 내 마음을 알아줘
			Tonight we dance, baby tonight we dance
			다시 함께 걸어요 그대와 함께
			Hold me closer, never let me go
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	AnalysisGate gate;

	@Autowired
	MeterRegistry metrics;

	@Autowired
	UploadFolder uploadFolder;

	@Autowired
	HeldAnalyses analyses;

	@Autowired
	PredictionRepository predictions;

	final UUID owner = UUID.randomUUID();

	final UUID other = UUID.randomUUID();

	@Test
	void analysesATrackAndExplainsTheScore() throws Exception {
		String body = analyse(owner, "POP", TestTracks.wav(45, 16_000, 2), LYRICS).andExpect(status().isCreated())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string("Location", Matchers.matchesPattern(BASE + "/[0-9a-f-]{36}")))
			.andExpect(jsonPath("$.title").value("첫사랑 Tonight"))
			.andExpect(jsonPath("$.artist").value("HITTER Band"))
			.andExpect(jsonPath("$.genre").value("POP"))
			.andExpect(jsonPath("$.shared").value(false))
			.andExpect(jsonPath("$.createdAt").isString())
			.andExpect(jsonPath("$.audio.segmentStartSeconds").isNumber())
			.andExpect(jsonPath("$.lyrics.unknownTokens").isNumber())
			.andExpect(jsonPath("$.lyrics.truncated").value(false))
			.andExpect(jsonPath("$.combination.method").isString())
			.andExpect(jsonPath("$.combination.audioWeight").isNumber())
			.andExpect(jsonPath("$.combination.lyricsWeight").isNumber())
			.andExpect(jsonPath("$.combination.bias").isNumber())
			.andExpect(jsonPath("$.model.audio.modelId").isString())
			.andExpect(jsonPath("$.model.audio.version").value("v20261120-000000"))
			.andExpect(jsonPath("$.model.audio.demonstration").value(true))
			.andExpect(jsonPath("$.model.audio.notice").value(Matchers.not(Matchers.emptyString())))
			.andExpect(jsonPath("$.model.audio.trainingData").isString())
			.andExpect(jsonPath("$.model.lyrics.modelId").isString())
			.andExpect(jsonPath("$.model.lyrics.notice").value(Matchers.not(Matchers.emptyString())))
			.andExpect(jsonPath("$.timings.decode").isNumber())
			.andExpect(jsonPath("$.timings.features").isNumber())
			.andExpect(jsonPath("$.timings.audioModel").isNumber())
			.andExpect(jsonPath("$.timings.lyricsModel").isNumber())
			.andExpect(jsonPath("$.timings.total").isNumber())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String id = JsonPath.read(body, "$.id");
		Files.writeString(UPLOADS.resolveSibling("prediction-example.json"), body);
		assertThat(JsonPath.<String>read(body, "$.links.self")).isEqualTo(BASE + "/" + id);
		assertThat(JsonPath.<String>read(body, "$.links.spectrogram")).isEqualTo(BASE + "/" + id + "/spectrogram.png");
		assertThat(number(body, "$.hitProbability")).isBetween(0.0, 1.0);
		assertThat(number(body, "$.audio.score")).isBetween(0.0, 1.0);
		assertThat(number(body, "$.lyrics.score")).isBetween(0.0, 1.0);
		assertThat(number(body, "$.combination.audioShare")).isBetween(0.0, 1.0);

		List<Map<String, Object>> segments = JsonPath.read(body, "$.audio.segments");
		assertThat(segments).isNotEmpty();
		assertThat(((Number) segments.get(0).get("fromSeconds")).doubleValue()).isZero();
		assertThat(((Number) segments.get(segments.size() - 1).get("toSeconds")).doubleValue()).isCloseTo(30.0,
				within(1e-6));
		for (int i = 1; i < segments.size(); i++) {
			assertThat(((Number) segments.get(i).get("fromSeconds")).doubleValue())
				.isCloseTo(((Number) segments.get(i - 1).get("toSeconds")).doubleValue(), within(1e-9));
		}
		List<Map<String, Object>> top = JsonPath.read(body, "$.audio.topSegments");
		double[] stretches = new double[10];
		for (Map<String, Object> segment : segments) {
			double centre = (((Number) segment.get("fromSeconds")).doubleValue()
					+ ((Number) segment.get("toSeconds")).doubleValue()) / 2;
			stretches[Math.min(9, (int) (centre / 3))] += ((Number) segment.get("contribution")).doubleValue();
		}
		double[] best = java.util.Arrays.stream(stretches).boxed().sorted(java.util.Comparator.reverseOrder())
			.mapToDouble(Double::doubleValue).limit(3).toArray();
		assertThat(top).hasSize(3);
		for (int i = 0; i < 3; i++) {
			double from = ((Number) top.get(i).get("fromSeconds")).doubleValue();
			assertThat(((Number) top.get(i).get("toSeconds")).doubleValue() - from).isCloseTo(3.0, within(1e-6));
			assertThat(((Number) top.get(i).get("contribution")).doubleValue()).isCloseTo(best[i], within(1e-9));
		}

		List<Map<String, Object>> raised = JsonPath.read(body, "$.lyrics.raised");
		List<Map<String, Object>> lowered = JsonPath.read(body, "$.lyrics.lowered");
		assertThat(raised.size() + lowered.size()).isPositive();
		assertThat(raised).hasSizeLessThanOrEqualTo(5);
		assertThat(lowered).hasSizeLessThanOrEqualTo(5);
		for (Map<String, Object> word : raised) {
			assertThat(LYRICS.toLowerCase()).contains(word.get("word").toString().toLowerCase());
			assertThat(((Number) word.get("contribution")).doubleValue()).isPositive();
		}
		for (Map<String, Object> word : lowered) {
			assertThat(LYRICS.toLowerCase()).contains(word.get("word").toString().toLowerCase());
			assertThat(((Number) word.get("contribution")).doubleValue()).isNegative();
		}

		// One currency: every contribution is a share of the combined logit, and the parts plus the bias are it.
		double logit = number(body, "$.logit.value");
		double p = number(body, "$.hitProbability");
		assertThat(logit).isCloseTo(Math.log(p / (1 - p)), within(1e-9));
		double audio = segments.stream().mapToDouble(s -> ((Number) s.get("contribution")).doubleValue()).sum();
		assertThat(number(body, "$.logit.audio")).isCloseTo(audio, within(1e-9));
		assertThat(number(body, "$.lyrics.unknownContribution")).isEqualTo(number(body, "$.logit.unknownWords"));
		assertThat(number(body, "$.logit.residual")).isCloseTo(0, within(1e-5));
		assertThat(number(body, "$.logit.bias") + audio + number(body, "$.logit.words")
				+ number(body, "$.lyrics.unknownContribution")).isCloseTo(logit, within(1e-4));

		String location = BASE + "/" + id;
		String again = mvc.perform(get(location).with(member(owner)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).isEqualTo(body);
	}

	/**
	 * An analysis kept before contributions were in the combined logit holds each model's raw logit and no
	 * {@code logit}: it is read as it was, and says so by a null {@code logit} (the web app then shows no baseline).
	 */
	@Test
	void anAnalysisKeptBeforeOneCurrencyIsShownAsItWas() throws Exception {
		String older = """
				{"audio":{"score":0.4,"segmentStartSeconds":0.0,
				"segments":[{"fromSeconds":0.0,"toSeconds":15.0,"contribution":0.8},
				{"fromSeconds":15.0,"toSeconds":30.0,"contribution":-0.2}],
				"topSegments":[{"fromSeconds":0.0,"toSeconds":3.0,"contribution":0.16}]},
				"lyrics":{"score":0.6,"raised":[{"word":"love","contribution":1.5,"occurrences":2}],"lowered":[],
				"unknownTokens":3,"truncated":false},
				"combination":{"method":"fixture","audioWeight":0.6,"lyricsWeight":0.4,"bias":-0.2,"audioShare":0.5},
				"model":{"audio":{"modelId":"pop-audio-v1","version":"v1","demonstration":true,"notice":"demo",
				"trainingData":"synthetic"},"lyrics":{"modelId":"pop-lyrics-v1","version":"v1","demonstration":true,
				"notice":"demo","trainingData":"synthetic"}},
				"timings":{"decode":1,"features":2,"audioModel":3,"lyricsModel":4,"total":10}}""";
		UUID id = predictions.save(new Prediction(UUID.randomUUID(), owner, "Old", "Artist", Genre.POP, 0.5, 0.4, 0.6,
				"v1", 0, 0, older, null, java.time.Instant.parse("2026-11-01T10:00:00Z"))).id();

		mvc.perform(get(BASE + "/" + id).with(member(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.logit").value(Matchers.nullValue()))
			.andExpect(jsonPath("$.lyrics.unknownContribution").value(Matchers.nullValue()))
			.andExpect(jsonPath("$.lyrics.unknownTokens").value(3))
			.andExpect(jsonPath("$.audio.segments[0].contribution").value(0.8))
			.andExpect(jsonPath("$.lyrics.raised[0].contribution").value(1.5));
	}

	@Test
	void theApiDocumentSaysWhichCurrencyTheContributionsAreIn() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(JsonPath.<String>read(docs, "$.components.schemas.Logit.description"))
			.contains("combined, calibrated logit").contains("value = bias + audio + words + unknownWords + residual");
		assertThat(JsonPath.<String>read(docs, "$.components.schemas.Logit.properties.bias.description"))
			.contains("baseline");
		assertThat(JsonPath.<String>read(docs, "$.components.schemas.Segment.properties.contribution.description"))
			.contains("combined, calibrated logit");
		assertThat(JsonPath.<String>read(docs, "$.components.schemas.Lyrics.properties.unknownContribution.description"))
			.contains("one item");
		assertThat(docs).contains("Null for analyses kept before contributions were in one currency");
	}

	@Test
	void theSpectrogramIsAPng() throws Exception {
		String id = create(owner, "BALLAD");
		byte[] png = mvc.perform(get(BASE + "/" + id + "/spectrogram.png").with(member(owner)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
		assertThat(png.length).isGreaterThan(1_000);
		mvc.perform(get(BASE + "/" + id + "/spectrogram.png").with(member(other))).andExpect(status().isNotFound());
	}

	@Test
	void eachAnalysisStageIsTimedForTheDashboard() throws Exception {
		long before = stageCount("features");
		create(owner, "DANCE");
		for (String stage : List.of("decode", "features", "models")) {
			Timer timer = metrics.find("hitter.analysis.stage").tags("stage", stage, "genre", "DANCE").timer();
			assertThat(timer).as(stage).isNotNull();
			assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).as(stage).isPositive();
		}
		assertThat(stageCount("features")).isEqualTo(before + 1);
	}

	private long stageCount(String stage) {
		Timer timer = metrics.find("hitter.analysis.stage").tags("stage", stage, "genre", "DANCE").timer();
		return timer == null ? 0 : timer.count();
	}

	@Test
	void laterAnalysesOfAGenreGetAPercentile() throws Exception {
		create(owner, "DANCE");
		String second = analyse(other, "DANCE", TestTracks.wav(40, 16_000, 1), "lights up").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(number(second, "$.genrePercentile")).isBetween(0.0, 100.0);
	}

	@Test
	void listsOnlyMyPredictionsPagedAndSorted() throws Exception {
		UUID me = UUID.randomUUID();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(create(me, "POP"));
		}
		create(other, "POP");

		String first = mvc.perform(get(BASE).param("size", "2").param("sort", "createdAt,asc").with(member(me)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.totalItems").value(3))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(first, "$.items[*].id")).containsExactly(ids.get(0), ids.get(1));
		mvc.perform(get(BASE).param("page", "1").param("size", "2").param("sort", "createdAt,asc").with(member(me)))
			.andExpect(jsonPath("$.items[*].id").value(Matchers.contains(ids.get(2))));
		mvc.perform(get(BASE).param("sort", "createdAt,desc").with(member(me)))
			.andExpect(jsonPath("$.items[*].id").value(Matchers.contains(ids.get(2), ids.get(1), ids.get(0))));

		String byScore = mvc.perform(get(BASE).param("sort", "hitProbability,desc").with(member(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Double> probabilities = JsonPath.<List<Number>>read(byScore, "$.items[*].hitProbability")
			.stream()
			.map(Number::doubleValue)
			.toList();
		assertThat(probabilities).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		mvc.perform(get(BASE).param("size", "101").with(member(me)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		mvc.perform(get(BASE).param("sort", "likes,asc").with(member(me)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void anotherMembersPrivatePredictionIsNotFoundUntilShared() throws Exception {
		String id = create(owner, "POP");
		String path = BASE + "/" + id;
		mvc.perform(get(path).with(member(other)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/not-found"));
		mvc.perform(patch(path).with(member(other)).contentType(MediaType.APPLICATION_JSON).content("{\"shared\":true}"))
			.andExpect(status().isNotFound());
		mvc.perform(delete(path).with(member(other))).andExpect(status().isNotFound());

		mvc.perform(patch(path).with(member(owner))
			.contentType("application/merge-patch+json")
			.content("{\"shared\":true,\"title\":\"Renamed\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.shared").value(true))
			.andExpect(jsonPath("$.title").value("Renamed"))
			.andExpect(jsonPath("$.artist").value("HITTER Band"));
		mvc.perform(patch(path).with(member(owner)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"artist\":\"  New Artist \"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.artist").value("New Artist"))
			.andExpect(jsonPath("$.title").value("Renamed"));
		mvc.perform(patch(path).with(member(owner)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"artist\":\"" + "a".repeat(201) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("artist"));
		mvc.perform(patch(path).with(member(owner)).contentType(MediaType.APPLICATION_JSON).content("{\"artist\":\"\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.artist").value(org.hamcrest.Matchers.nullValue()));

		mvc.perform(get(path).with(member(other)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Renamed"));
		mvc.perform(get(path + "/spectrogram.png").with(member(other))).andExpect(status().isOk());
		// Shared means others may look, not change.
		mvc.perform(patch(path).with(member(other)).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(delete(path).with(member(other))).andExpect(status().isNotFound());
	}

	@Test
	void deletedPredictionIsGone() throws Exception {
		String path = BASE + "/" + create(owner, "BALLAD");
		mvc.perform(delete(path).with(member(owner))).andExpect(status().isNoContent());
		mvc.perform(get(path).with(member(owner))).andExpect(status().isNotFound());
		mvc.perform(get(path + "/spectrogram.png").with(member(owner))).andExpect(status().isNotFound());
		mvc.perform(delete(path).with(member(owner))).andExpect(status().isNotFound());
	}

	@Test
	void acceptsLyricsAsAnLrcFile() throws Exception {
		MockMultipartFile lrc = new MockMultipartFile("lyricsFile", "song.lrc", "text/plain",
				"[ar:HITTER]\n[00:12.00]사랑한다고 말해줘\n[00:15.50]Tonight we dance\n".getBytes(StandardCharsets.UTF_8));
		String body = mvc.perform(form("POP", TestTracks.wav(40, 16_000, 1)).file(lrc).with(member(owner)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> words = JsonPath.read(body, "$.lyrics.raised[*].word");
		words.addAll(JsonPath.read(body, "$.lyrics.lowered[*].word"));
		assertThat(words).isNotEmpty().noneMatch(word -> word.contains("[") || word.contains("00"));
	}

	@Test
	void refusesAMissingOrUnknownGenre() throws Exception {
		mvc.perform(form(null, TestTracks.wav(40, 16_000, 1)).with(member(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("genre"));
		mvc.perform(form("JAZZ", TestTracks.wav(40, 16_000, 1)).with(member(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("genre"));
	}

	@Test
	void refusesARequestWithoutAudio() throws Exception {
		mvc.perform(form("POP", null).param("lyrics", LYRICS).with(member(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("audio"));
		// What a browser sends for a file input left empty.
		mvc.perform(multipart(BASE).file(new MockMultipartFile("audio", "", "application/octet-stream", new byte[0]))
			.param("genre", "POP")
			.with(member(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("audio"));
	}

	@Test
	void refusesAnEmptyAudioFile() throws Exception {
		mvc.perform(form("POP", new byte[0]).with(member(owner)))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/audio-not-supported"))
			.andExpect(jsonPath("$.reason").value("audio/empty"))
			.andExpect(jsonPath("$.errors[0].field").value("audio"));
	}

	@Test
	void refusesAudioOverTheSizeLimit() throws Exception {
		byte[] big = new byte[3 * 1024 * 1024 + 1];
		mvc.perform(form("POP", big).with(member(owner)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/payload-too-large"))
			.andExpect(jsonPath("$.errors[0].field").value("audio"));
	}

	@Test
	void refusesATextFileNamedWav() throws Exception {
		mvc.perform(form("POP", "these are not the sounds you are looking for\n".repeat(50)
			.getBytes(StandardCharsets.UTF_8)).with(member(owner)))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/audio-not-supported"))
			.andExpect(jsonPath("$.reason").value("audio/not-audio"))
			.andExpect(jsonPath("$.errors[0].field").value("audio"));
	}

	@Test
	void refusesATooShortTrack() throws Exception {
		mvc.perform(form("POP", TestTracks.wav(4, 16_000, 1)).with(member(owner)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/audio-rejected"))
			.andExpect(jsonPath("$.reason").value("audio/too-short"))
			.andExpect(jsonPath("$.errors[0].field").value("audio"));
	}

	@Test
	void refusesTooLongLyrics() throws Exception {
		mvc.perform(form("POP", TestTracks.wav(40, 16_000, 1)).param("lyrics", "라".repeat(20_001)).with(member(owner)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/lyrics-rejected"))
			.andExpect(jsonPath("$.reason").value("lyrics/too-long"))
			.andExpect(jsonPath("$.errors[0].field").value("lyrics"));
	}

	@Test
	void refusesLyricsGivenTwice() throws Exception {
		MockMultipartFile file = new MockMultipartFile("lyricsFile", "song.txt", "text/plain",
				"Tonight we dance".getBytes(StandardCharsets.UTF_8));
		mvc.perform(form("POP", TestTracks.wav(40, 16_000, 1)).file(file).param("lyrics", LYRICS).with(member(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("lyrics", "lyricsFile")));
	}

	@Test
	void refusesALyricsFileThatIsNotText() throws Exception {
		MockMultipartFile pdf = new MockMultipartFile("lyricsFile", "song.pdf", "application/pdf", new byte[] { 1 });
		mvc.perform(form("POP", TestTracks.wav(40, 16_000, 1)).file(pdf).with(member(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lyricsFile"));
		MockMultipartFile latin1 = new MockMultipartFile("lyricsFile", "song.txt", "text/plain",
				new byte[] { 'c', 'a', 'f', (byte) 0xE9 });
		mvc.perform(form("POP", TestTracks.wav(40, 16_000, 1)).file(latin1).with(member(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lyricsFile"));
	}

	@Test
	void uploadsWaitInTheConfiguredOwnerOnlyFolder() throws IOException {
		assertThat(uploadFolder.path().getParent()).isEqualTo(UPLOADS.normalize());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(UPLOADS))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(uploadFolder.path())))
			.isEqualTo("rwx------");
	}

	@Test
	void refusesWithRetryAfterWhenEveryAnalysisSlotIsTaken() throws Exception {
		// The test holds the only slot itself: deterministic, no sleeps, no racing threads.
		try (AnalysisGate.Admission held = gate.enter()) {
			assertThat(gate.freeSlots()).isZero();
			mvc.perform(form("POP", TestTracks.wav(40, 16_000, 1)).with(member(owner)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "7"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/analyses-busy"));
		}
		assertThat(gate.freeSlots()).isEqualTo(1);
		create(owner, "POP");
		assertThat(gate.freeSlots()).isEqualTo(1);
	}

	@Test
	void anAnalysisInFlightHoldsTheOnlySlotUntilItEnds() throws Exception {
		byte[] audio = TestTracks.wav(40, 16_000, 1);
		CompletableFuture<Integer> first;
		try (HeldAnalyses held = analyses.holdNext()) {
			first = CompletableFuture.supplyAsync(() -> {
				try {
					return analyse(owner, "POP", audio, LYRICS).andReturn().getResponse().getStatus();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			held.awaitAdmitted();
			mvc.perform(form("BALLAD", audio).with(member(other)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "7"))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/analyses-busy"));
		}
		assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(201);
		assertThat(gate.freeSlots()).isEqualTo(1);
	}

	/** Stops the next admitted analysis until closed: an analysis provably in flight, without sleeps. */
	static final class HeldAnalyses implements AnalysisObserver, AutoCloseable {

		private volatile CountDownLatch admitted;

		private volatile CountDownLatch release;

		HeldAnalyses holdNext() {
			admitted = new CountDownLatch(1);
			release = new CountDownLatch(1);
			return this;
		}

		void awaitAdmitted() throws InterruptedException {
			assertThat(admitted.await(60, TimeUnit.SECONDS)).as("an analysis admitted within a minute").isTrue();
		}

		@Override
		public void admitted(Genre genre) {
			CountDownLatch waiting = release;
			if (waiting != null && admitted.getCount() > 0) {
				admitted.countDown();
				try {
					waiting.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public void close() {
			CountDownLatch waiting = release;
			release = null;
			if (waiting != null) {
				waiting.countDown();
			}
		}
	}

	@TestConfiguration
	static class HoldingAnalyses {

		@Bean
		HeldAnalyses heldAnalyses() {
			return new HeldAnalyses();
		}
	}

	private String create(UUID member, String genre) throws Exception {
		String body = analyse(member, genre, TestTracks.wav(40, 16_000, 1), LYRICS).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private ResultActions analyse(UUID member, String genre, byte[] audio, String lyrics) throws Exception {
		return mvc.perform(form(genre, audio).param("lyrics", lyrics)
			.param("title", "첫사랑 Tonight")
			.param("artist", "HITTER Band")
			.with(member(member)));
	}

	private static MockMultipartHttpServletRequestBuilder form(String genre, byte[] audio) {
		MockMultipartHttpServletRequestBuilder form = multipart(BASE);
		if (genre != null) {
			form.param("genre", genre);
		}
		if (audio != null) {
			form.file(new MockMultipartFile("audio", "track.wav", "audio/wav", audio));
		}
		return form;
	}

	/** A member's token, and the multipart body a client would send (see {@link MultipartBodies}). */
	private static RequestPostProcessor member(UUID id) {
		RequestPostProcessor token = jwt().jwt(jwt -> jwt.subject(id.toString()).claim("email_verified", true).claim("roles", List.of("MEMBER")));
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}

	private static double number(String json, String path) {
		return JsonPath.<Number>read(json, path).doubleValue();
	}
}
