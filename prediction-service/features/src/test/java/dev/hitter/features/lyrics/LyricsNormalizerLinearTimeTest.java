package dev.hitter.features.lyrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Normalising costs time in proportion to the lyrics, whatever a member pastes. Brackets that never close and
 * repeat marks that never end used to be rescanned from every opening one (quadratic: 20,000 {@code [} took 2.5 s
 * of CPU inside the default limit, 100,000 took 28 s). The inputs here are ten times the default limit, which took
 * minutes before; the generous timeout leaves room for a busy machine.
 */
class LyricsNormalizerLinearTimeTest {

	private static final Duration GENEROUS = Duration.ofSeconds(10);

	private final LyricsNormalizer large = new LyricsNormalizer(200_000);

	@Test
	void bracketsThatNeverCloseCostLinearTime() {
		String text = assertTimeoutPreemptively(GENEROUS, () -> large.normalize("[".repeat(199_990) + "love"));

		assertThat(text).isEqualTo("love");
	}

	@Test
	void repeatMarksThatNeverCloseCostLinearTime() {
		String text = assertTimeoutPreemptively(GENEROUS, () -> large.normalize("(repeat".repeat(28_000)));

		assertThat(text).startsWith("repeat repeat").hasSize("repeat ".length() * 28_000 - 1);
	}

	@Test
	void annotationsAreStillRemovedAndUnclosedBracketsKept() {
		LyricsNormalizer normalizer = new LyricsNormalizer();

		assertThat(normalizer.normalize("[Verse 1] hello [Chorus: Jungkook] world")).isEqualTo("hello world");
		assertThat(normalizer.normalize("hello [ world [x] again")).isEqualTo("hello again");
		assertThat(normalizer.normalize("hello [ world")).isEqualTo("hello world");
		assertThat(normalizer.normalize("la la (repeat chorus) la (반복)")).isEqualTo("la la la");
	}
}
