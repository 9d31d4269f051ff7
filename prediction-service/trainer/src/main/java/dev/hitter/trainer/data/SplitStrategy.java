package dev.hitter.trainer.data;

import java.util.Locale;

/**
 * How the trainer divides a set into train, validation and test ({@code --split}): at random, grouped by artist
 * (so the test asks about artists the model never heard), or by release date (so the test asks about songs newer
 * than any it learned from — the honest test for predicting hits).
 */
public enum SplitStrategy {
	RANDOM, ARTIST, TIME;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** {@code random}, {@code artist} or {@code time}, any case. */
	public static SplitStrategy parse(String text) {
		for (SplitStrategy strategy : values()) {
			if (strategy.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
				return strategy;
			}
		}
		throw new IllegalArgumentException("unknown split '" + text + "' (random, artist or time)");
	}
}
