package dev.hitter.trainer.data;

import java.util.Locale;

/** Which part of a training set a song belongs to: fitted on, used to stop and calibrate, or held out. */
public enum Split {
	TRAIN, VALIDATION, TEST;

	/** {@code train}, {@code validation} (or {@code val}, {@code dev}) and {@code test}, any case. */
	public static Split parse(String text) {
		return switch (text.trim().toLowerCase(Locale.ROOT)) {
			case "train", "training" -> TRAIN;
			case "validation", "val", "valid", "dev" -> VALIDATION;
			case "test", "holdout", "held-out" -> TEST;
			default -> throw new IllegalArgumentException("unknown split '" + text + "' (train, validation or test)");
		};
	}
}
