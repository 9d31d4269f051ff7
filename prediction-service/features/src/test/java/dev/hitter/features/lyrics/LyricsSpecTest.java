package dev.hitter.features.lyrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LyricsSpecTest {

	@Test
	void firstSpecIsLyricsV1WithDocumentedDefaults() {
		assertThat(LyricsSpec.V1).isEqualTo(new LyricsSpec("lyrics-v1", 512, 20_000, true, true));
	}

	@Test
	void refusesSettingsThatCannotWork() {
		assertThatThrownBy(() -> new LyricsSpec("Lyrics V1", 512, 20_000, true, true)).hasMessageContaining("id");
		assertThatThrownBy(() -> new LyricsSpec("lyrics-v1", 0, 20_000, true, true)).hasMessageContaining("maxLength");
		assertThatThrownBy(() -> new LyricsSpec("lyrics-v1", 512, 0, true, true))
			.hasMessageContaining("maxCharacters");
	}
}
