package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.features.audio.AudioDecoder;
import dev.hitter.features.audio.SegmentRule;
import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.mel.LogMelSpectrogram;
import dev.hitter.models.Genre;
import dev.hitter.prediction.MultipartBodies;
import dev.hitter.prediction.PredictionTestContext;
import dev.hitter.prediction.TestTracks;
import dev.hitter.serving.AudioScore;
import dev.hitter.serving.GenreModels;
import dev.hitter.serving.HitScore;
import dev.hitter.serving.LyricsScore;
import dev.hitter.serving.ModelRegistry;

/**
 * The scores in an answer are the served models' own, not merely numbers between 0 and 1: the requested genre's
 * models answered, each probability is what those models (calibrated, then combined) give for the same track and
 * lyrics computed here through the serving module, and a batch job scores each track with its own lyrics file.
 */
@SpringBootTest(properties = { "hitter.prediction.jobs.poll-interval=100ms" })
@PredictionTestContext(schema = "hitter_prediction_scores", noUploadLeft = true)
@AutoConfigureMockMvc
class ScoresAreTheModelsTest {

	static final String PREDICTIONS = "/api/v1/predictions";

	static final String JOBS = "/api/v1/prediction-jobs";

	static final String LOVE_SONG = """
			사랑한다고 말하지 못했던 내 마음을 알아줘
			다시 함께 걸어요 그대와 함께
			""";

	static final String DANCE_SONG = """
			Tonight we dance, baby tonight we dance
			Hold me closer, never let me go
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ModelRegistry registry;

	@TempDir
	Path dir;

	final UUID member = UUID.randomUUID();

	@ParameterizedTest
	@EnumSource(Genre.class)
	void theRequestedGenresModelsGiveTheScoresTheyGiveForTheSameInput(Genre genre) throws Exception {
		byte[] wav = TestTracks.wav(40, 16_000, 2);
		GenreModels models = registry.models(genre);

		String answer = analyse(genre, wav, LOVE_SONG);

		assertThat(JsonPath.<String>read(answer, "$.genre")).isEqualTo(genre.name());
		assertThat(JsonPath.<String>read(answer, "$.model.audio.modelId")).isEqualTo(models.audioModel().modelId())
			.startsWith(genre.name().toLowerCase() + "-audio-");
		assertThat(JsonPath.<String>read(answer, "$.model.lyrics.modelId")).isEqualTo(models.lyricsModel().modelId())
			.startsWith(genre.name().toLowerCase() + "-lyrics-");
		assertThat(JsonPath.<String>read(answer, "$.model.audio.version")).isEqualTo(models.audioModel().version());

		HitScore expected = scoreHere(models, wav, LOVE_SONG);
		// The fixture cards calibrate (a ≠ 1 or b ≠ 0): an uncalibrated answer would differ.
		assertThat(expected.audio().probability()).isNotCloseTo(expected.audio().modelProbability(), within(1e-6));
		assertThat(expected.lyrics().probability()).isNotCloseTo(expected.lyrics().modelProbability(), within(1e-6));
		assertThat(number(answer, "$.audio.score")).isCloseTo(expected.audio().probability(), within(1e-9));
		assertThat(number(answer, "$.lyrics.score")).isCloseTo(expected.lyrics().probability(), within(1e-9));
		assertThat(number(answer, "$.hitProbability")).isCloseTo(expected.probability(), within(1e-9));
	}

	@Test
	void theGenresModelsDisagreeSoTheCheckAboveCanTellThemApart() throws Exception {
		byte[] wav = TestTracks.wav(40, 16_000, 1);
		double pop = scoreHere(registry.models(Genre.POP), wav, LOVE_SONG).probability();
		double ballad = scoreHere(registry.models(Genre.BALLAD), wav, LOVE_SONG).probability();
		double dance = scoreHere(registry.models(Genre.DANCE), wav, LOVE_SONG).probability();

		assertThat(pop).isNotCloseTo(ballad, within(1e-6)).isNotCloseTo(dance, within(1e-6));
		assertThat(ballad).isNotCloseTo(dance, within(1e-6));
	}

	/**
	 * Two tracks, each with its own lyrics file paired by name; the files are sent in the other order, so pairing
	 * by position would cross them. Each item must score as a single analysis of its own pair does.
	 */
	@Test
	void aBatchJobScoresEachTrackWithItsOwnLyricsFile() throws Exception {
		byte[] first = TestTracks.wav(40, 16_000, 1);
		byte[] second = TestTracks.wav(47, 22_050, 2);
		String id = JsonPath.read(mvc.perform(multipart(JOBS)
			.file(new MockMultipartFile("files", "second.txt", "text/plain", DANCE_SONG.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("files", "first.txt", "text/plain", LOVE_SONG.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("files", "first.wav", "audio/wav", first))
			.file(new MockMultipartFile("files", "second.wav", "audio/wav", second))
			.param("genre", "POP")
			.with(token())).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");

		String job = awaitCompleted(id);

		String firstAlone = analyse(Genre.POP, first, LOVE_SONG);
		String secondAlone = analyse(Genre.POP, second, DANCE_SONG);
		assertThat(number(firstAlone, "$.lyrics.score")).as("the two lyrics score differently")
			.isNotCloseTo(number(secondAlone, "$.lyrics.score"), within(1e-6));
		assertThat(JsonPath.<List<String>>read(job, "$.items[*].file")).containsExactly("first.wav", "second.wav");
		assertSameScores(job, 0, firstAlone);
		assertSameScores(job, 1, secondAlone);
	}

	private static void assertSameScores(String job, int item, String single) {
		String at = "$.items[" + item + "].";
		assertThat(JsonPath.<String>read(job, at + "state")).isEqualTo("SUCCEEDED");
		assertThat(number(job, at + "lyricsProbability")).as("item %d's lyrics score", item)
			.isCloseTo(number(single, "$.lyrics.score"), within(1e-9));
		assertThat(number(job, at + "audioProbability")).as("item %d's audio score", item)
			.isCloseTo(number(single, "$.audio.score"), within(1e-9));
		assertThat(number(job, at + "hitProbability")).as("item %d's hit probability", item)
			.isCloseTo(number(single, "$.hitProbability"), within(1e-9));
	}

	/** What the serving module's models give for this audio and these lyrics, as the analysis prepares them. */
	private HitScore scoreHere(GenreModels models, byte[] wav, String lyrics) throws IOException {
		Path file = Files.write(dir.resolve(UUID.randomUUID() + ".wav"), wav);
		float[] segment = new AudioDecoder().decode(file, SegmentRule.melon()).samples();
		AudioScore audio = models.scoreAudio(new LogMelSpectrogram(GenreModels.AUDIO_SPEC).compute(segment));
		LyricsScore lyricsScore = models
			.scoreLyrics(new LyricsEncoder(GenreModels.LYRICS_SPEC).encode(lyrics, models.vocabulary()));
		return models.combine(audio, lyricsScore);
	}

	private String analyse(Genre genre, byte[] wav, String lyrics) throws Exception {
		return mvc
			.perform(multipart(PREDICTIONS).file(new MockMultipartFile("audio", "track.wav", "audio/wav", wav))
				.param("genre", genre.name())
				.param("lyrics", lyrics)
				.param("title", "Same input")
				.with(encodedAs(member)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String awaitCompleted(String id) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		String job;
		do {
			Thread.sleep(100);
			job = mvc.perform(get(JOBS + "/" + id).with(token()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		}
		while (!"COMPLETED".equals(JsonPath.read(job, "$.state")) && Instant.now().isBefore(deadline));
		assertThat(JsonPath.<String>read(job, "$.state")).as(job).isEqualTo("COMPLETED");
		return job;
	}

	private RequestPostProcessor token() {
		return jwt().jwt(jwt -> jwt.subject(member.toString()).claim("email_verified", true).claim("roles", List.of("MEMBER")));
	}

	/** The member's token, and the multipart body a client would send (see {@link MultipartBodies}). */
	private RequestPostProcessor encodedAs(UUID id) {
		RequestPostProcessor token = token();
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}

	private static double number(String json, String path) {
		return JsonPath.<Number>read(json, path).doubleValue();
	}
}
