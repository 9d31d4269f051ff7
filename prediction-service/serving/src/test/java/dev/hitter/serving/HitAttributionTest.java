package dev.hitter.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.hitter.features.lyrics.LyricsEncoder;
import dev.hitter.models.Genre;
import dev.hitter.models.Sigmoid;

/**
 * Explanations in one currency, through DJL's TensorFlow engine: what an answer shows (each audio stretch, each
 * known word, the unknown words as one item) plus its bias is the combined logit of its probability.
 */
class HitAttributionTest {

	/** The committed demonstration set, trained by the trainer's own networks (not fixtures written by hand). */
	static final Path DEFAULT_MODELS = Path.of("../default-models");

	static final LyricsEncoder encoder = new LyricsEncoder(GenreModels.LYRICS_SPEC);

	static final String LYRICS = "Baby I love you tonight, 사랑해 xylophone quixotic love tonight 그대 눈물";

	static ModelRegistry fixtures;

	static ModelRegistry trained;

	@BeforeAll
	static void load() {
		fixtures = new ModelRegistry(new RegistrySettings(FixtureModelSets.ALL, EnumSet.of(Genre.POP), 1,
				Duration.ofSeconds(30)));
		fixtures.refresh();
		trained = new ModelRegistry(new RegistrySettings(DEFAULT_MODELS, EnumSet.of(Genre.POP), 1,
				Duration.ofSeconds(30)));
		trained.refresh();
	}

	@AfterAll
	static void close() {
		fixtures.close();
		trained.close();
	}

	@Test
	void shownContributionsPlusTheBiasAreTheAnswersLogit() {
		GenreModels pop = fixtures.models(Genre.POP);
		HitScore hit = score(pop, 11, LYRICS);
		HitAttribution shown = hit.attribution();

		double sum = shown.bias() + shown.audioTotal() + shown.wordsTotal() + shown.unknownWords().logit();

		assertThat(sum).isCloseTo(Sigmoid.logit(hit.probability()), within(1e-4));
		assertThat(shown.logit()).isCloseTo(Sigmoid.logit(hit.probability()), within(1e-9));
		assertThat(shown.residual()).isCloseTo(0, within(1e-5));
	}

	@Test
	void theBiasGathersEveryConstantThroughTheSameWeights() {
		GenreModels pop = fixtures.models(Genre.POP);
		HitAttribution shown = score(pop, 12, "love").attribution();

		// Combination 0.6·audio + 0.4·lyrics − 0.2 of the calibrations 0.8·s − 0.1 and 1.2·s + 0.2 (fixture maker).
		double expected = 0.6 * (0.8 * FixtureModelSets.POP_AUDIO_BIAS - 0.1)
				+ 0.4 * (1.2 * FixtureModelSets.POP_LYRICS_BIAS + 0.2) - 0.2;
		assertThat(shown.bias()).isCloseTo(expected, within(1e-6));
	}

	@Test
	void eachContributionCountsItsModelsWeightTimesItsCalibrationSlope() {
		GenreModels pop = fixtures.models(Genre.POP);
		HitScore hit = score(pop, 13, "love tonight");

		assertThat(hit.attribution().audio()).hasSameSizeAs(hit.audio().contributions());
		assertThat(hit.attribution().audio().get(200).logit())
			.isCloseTo(0.6 * 0.8 * hit.audio().contributions().get(200).logit(), within(1e-12));
		assertThat(hit.attribution().words().get(1).logit())
			.isCloseTo(0.4 * 1.2 * hit.lyrics().contributions().get(1).logit(), within(1e-12));
	}

	@Test
	void unknownWordsAreOneItemNotHidden() {
		GenreModels pop = fixtures.models(Genre.POP);
		HitScore hit = score(pop, 14, LYRICS);
		HitAttribution shown = hit.attribution();

		assertThat(shown.unknownWords().count()).isEqualTo(hit.lyrics().unknownTokens()).isGreaterThanOrEqualTo(2);
		assertThat(shown.words()).allMatch(TokenContribution::known)
			.hasSize(hit.lyrics().contributions().size() - shown.unknownWords().count());
		double unknownRaw = hit.lyrics().contributions().stream().filter(c -> !c.known())
			.mapToDouble(TokenContribution::logit).sum();
		assertThat(unknownRaw).isNotZero();
		assertThat(shown.unknownWords().logit()).isCloseTo(0.4 * 1.2 * unknownRaw, within(1e-12));
	}

	@Test
	void anInstrumentalIsTheBiasAndItsAudio() {
		GenreModels pop = fixtures.models(Genre.POP);
		HitScore hit = score(pop, 15, "");
		HitAttribution shown = hit.attribution();

		assertThat(shown.words()).isEmpty();
		assertThat(shown.unknownWords().count()).isZero();
		assertThat(shown.bias() + shown.audioTotal()).isCloseTo(Sigmoid.logit(hit.probability()), within(1e-4));
	}

	/**
	 * The trainer's networks (exported by AudioNetwork and LyricsNetwork: a class-activation map after global
	 * average pooling, an exact max-pool attribution) add up to their logit minus their output bias, so the residual
	 * is rounding only.
	 */
	@Test
	void theTrainedNetworksAttributionAddsUpToTheirLogit() {
		GenreModels pop = trained.models(Genre.POP);
		for (int seed = 21; seed < 24; seed++) {
			HitScore hit = score(pop, seed, LYRICS + " 다시 함께 걸어요 never let me go");
			HitAttribution shown = hit.attribution();

			double sum = shown.bias() + shown.audioTotal() + shown.wordsTotal() + shown.unknownWords().logit();

			assertThat(shown.residual()).isCloseTo(0, within(1e-5));
			assertThat(sum).isCloseTo(Sigmoid.logit(hit.probability()), within(1e-4));
			assertThat(shown.audio()).hasSize(117);
		}
	}

	private static HitScore score(GenreModels models, long seed, String lyrics) {
		AudioScore audio = models.scoreAudio(FixtureModelSets.mel(seed));
		LyricsScore words = models.scoreLyrics(encoder.encode(lyrics, models.vocabulary()));
		return models.combine(audio, words);
	}
}
