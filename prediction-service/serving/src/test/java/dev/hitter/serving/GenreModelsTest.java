package dev.hitter.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hitter.features.lyrics.EncodedLyrics;
import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.features.mel.MelSpectrogram;
import dev.hitter.models.Genre;
import dev.hitter.models.ModelCard;
import dev.hitter.models.Sigmoid;

/** Scoring through DJL's TensorFlow engine with the fixture SavedModels: shapes, outputs, calibration, batches. */
class GenreModelsTest {

	static ModelRegistry registry;

	static GenreModels pop;

	static final LyricsEncoder encoder = new LyricsEncoder(GenreModels.LYRICS_SPEC);

	@BeforeAll
	static void load() {
		registry = new ModelRegistry(new RegistrySettings(FixtureModelSets.ALL, EnumSet.of(Genre.POP), 2,
				Duration.ofSeconds(30)));
		registry.refresh();
		pop = registry.models(Genre.POP);
	}

	@AfterAll
	static void close() {
		registry.close();
	}

	@Test
	void readsTheSetsCardsVocabularyAndCombination() {
		assertThat(pop.version()).isEqualTo(FixtureModelSets.VERSION);
		assertThat(pop.audioModel().modelId()).isEqualTo("pop-audio-v20261120-000000");
		assertThat(pop.lyricsModel().notice()).isEqualTo(ModelCard.DEMONSTRATION_NOTICE);
		assertThat(pop.vocabulary().id("love")).isGreaterThan(1);
		assertThat(pop.combination().audioWeight()).isEqualTo(0.6);
		assertThat(pop.poolSize()).isEqualTo(2);
	}

	@Test
	void scoresASegmentWithItsTimeContributions() {
		AudioScore score = pop.scoreAudio(FixtureModelSets.mel(1));

		assertThat(score.model()).isEqualTo(pop.audioModel());
		assertThat(score.modelProbability()).isCloseTo(Sigmoid.of(score.logit()), within(1e-6));
		assertThat(score.contributions()).hasSize(468);
		double sum = score.contributions().stream().mapToDouble(TimeContribution::logit).sum();
		assertThat(sum + FixtureModelSets.POP_AUDIO_BIAS).isCloseTo(score.logit(), within(1e-4));
		assertThat(score.contributions().get(0).fromSeconds()).isZero();
		assertThat(score.contributions().get(467).toSeconds()).isCloseTo(30.0, within(1e-9));
	}

	@Test
	void calibratesAsTheCardSays() {
		AudioScore audio = pop.scoreAudio(FixtureModelSets.mel(2));
		LyricsScore lyrics = pop.scoreLyrics(encoder.encode("love love tonight", pop.vocabulary()));

		assertThat(audio.probability()).isCloseTo(Sigmoid.of(0.8 * audio.logit() - 0.1), within(1e-12));
		assertThat(lyrics.probability()).isCloseTo(Sigmoid.of(1.2 * lyrics.logit() + 0.2), within(1e-12));
	}

	@Test
	void scoresLyricsWithTheWordsThatMovedTheScore() {
		EncodedLyrics encoded = encoder.encode("Baby I love you tonight, 사랑해 xylophone", pop.vocabulary());

		LyricsScore score = pop.scoreLyrics(encoded);

		assertThat(score.model()).isEqualTo(pop.lyricsModel());
		assertThat(score.modelProbability()).isCloseTo(Sigmoid.of(score.logit()), within(1e-6));
		assertThat(score.contributions()).extracting(TokenContribution::surface)
			.containsExactlyElementsOf(encoded.tokens().stream().map(t -> t.surface()).toList());
		assertThat(score.contributions()).filteredOn(c -> c.key().equals("xylophon")).singleElement()
			.satisfies(c -> assertThat(c.known()).isFalse());
		double sum = score.contributions().stream().mapToDouble(TokenContribution::logit).sum();
		assertThat(sum + FixtureModelSets.POP_LYRICS_BIAS).isCloseTo(score.logit(), within(1e-5));
	}

	@Test
	void showsWordsThatRaisedAndWordsThatLoweredTheScore() {
		LyricsScore score = pop.scoreLyrics(encoder.encode(
				"love baby heart girls dancing tonight night oh yeah you me never tears summer sky dream forever "
						+ "나 너 사랑 마음 그대 눈물 밤 우리 오늘 기억 하늘",
				pop.vocabulary()));

		assertThat(score.contributions()).allMatch(TokenContribution::known)
			.anyMatch(c -> c.logit() > 0)
			.anyMatch(c -> c.logit() < 0);
	}

	@Test
	void givesInstrumentalsTheBiasAlone() {
		LyricsScore score = pop.scoreLyrics(encoder.encode("", pop.vocabulary()));

		assertThat(score.contributions()).isEmpty();
		assertThat(score.logit()).isCloseTo(FixtureModelSets.POP_LYRICS_BIAS, within(1e-6));
	}

	@Test
	void combinesTheCalibratedLogitsAsTheModelSetSays() {
		AudioScore audio = pop.scoreAudio(FixtureModelSets.mel(3));
		LyricsScore lyrics = pop.scoreLyrics(encoder.encode("summer night dream", pop.vocabulary()));

		HitScore hit = pop.combine(audio, lyrics);

		double audioLogit = 0.8 * audio.logit() - 0.1;
		double lyricsLogit = 1.2 * lyrics.logit() + 0.2;
		assertThat(hit.probability()).isCloseTo(Sigmoid.of(0.6 * audioLogit + 0.4 * lyricsLogit - 0.2), within(1e-12));
		assertThat(hit.audioShare()).isBetween(0.0, 1.0);
		assertThat(hit.genre()).isEqualTo(Genre.POP);
		assertThat(hit.version()).isEqualTo(FixtureModelSets.VERSION);
	}

	@Test
	void scoresABatchOf16AsSixteenSingles() {
		List<MelSpectrogram> mels = new ArrayList<>();
		List<EncodedLyrics> songs = new ArrayList<>();
		String[] lines = { "love", "heart of the night", "사랑 그대 마음", "oh yeah baby", "never cry tears" };
		for (int i = 0; i < 16; i++) {
			mels.add(FixtureModelSets.mel(100 + i));
			songs.add(encoder.encode(lines[i % lines.length] + " dream ".repeat(i), pop.vocabulary()));
		}

		List<AudioScore> audio = pop.scoreAudio(mels);
		List<LyricsScore> lyrics = pop.scoreLyrics(songs);

		assertThat(audio).hasSize(16);
		assertThat(lyrics).hasSize(16);
		for (int i = 0; i < 16; i++) {
			AudioScore single = pop.scoreAudio(mels.get(i));
			assertThat(audio.get(i).logit()).isCloseTo(single.logit(), within(1e-5));
			assertThat(audio.get(i).contributions().get(100).logit())
				.isCloseTo(single.contributions().get(100).logit(), within(1e-6));
			assertThat(lyrics.get(i).logit()).isCloseTo(pop.scoreLyrics(songs.get(i)).logit(), within(1e-6));
		}
	}

	@Test
	void servesEightThreadsWithTwoPredictors() throws Exception {
		MelSpectrogram mel = FixtureModelSets.mel(7);
		EncodedLyrics lyrics = encoder.encode("love tonight", pop.vocabulary());
		double audioLogit = pop.scoreAudio(mel).logit();
		double lyricsLogit = pop.scoreLyrics(lyrics).logit();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<double[]>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> {
					double[] logits = new double[20];
					for (int j = 0; j < 10; j++) {
						logits[2 * j] = pop.scoreAudio(mel).logit();
						logits[2 * j + 1] = pop.scoreLyrics(lyrics).logit();
					}
					return logits;
				});
			}
			for (Future<double[]> result : threads.invokeAll(calls)) {
				double[] logits = result.get();
				for (int j = 0; j < 10; j++) {
					assertThat(logits[2 * j]).isCloseTo(audioLogit, within(1e-6));
					assertThat(logits[2 * j + 1]).isCloseTo(lyricsLogit, within(1e-6));
				}
			}
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	void refusesASpectrogramOfTheWrongLength() {
		MelSpectrogram tenSeconds = FixtureModelSets.mel(4).frames(0, 626);

		assertThatThrownBy(() -> pop.scoreAudio(tenSeconds)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("1876");
	}

	@Test
	void refusesScoresFromAnotherModelSet() {
		AudioScore audio = pop.scoreAudio(FixtureModelSets.mel(5));
		LyricsScore lyrics = pop.scoreLyrics(encoder.encode("love", pop.vocabulary()));
		LyricsScore foreign = new LyricsScore(new ModelReference("ballad-lyrics-x", "v1", Genre.BALLAD,
				lyrics.model().kind(), true, "", ""), lyrics.logit(), 0.5, 0.5, List.of(), 0, false);

		assertThatThrownBy(() -> pop.combine(audio, foreign)).isInstanceOf(IllegalArgumentException.class);
	}
}
