package dev.hitter.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyFormatException;

/**
 * Reads a mel file once, before training, and says what is wrong with it: a broken file is then a counted
 * problem of the import, not an exception in the middle of an epoch.
 *
 * @param problem null when the file is a usable mel
 * @param message what a person reads about the problem
 * @param bytes the file's size when usable
 */
record MelCheck(InputProblems.Kind problem, String message, long bytes) {

	static MelCheck of(Path file) {
		if (!Files.isRegularFile(file)) {
			return new MelCheck(InputProblems.Kind.MISSING_MEL, file + ": not found", -1);
		}
		try {
			long bytes = Files.size(file);
			MelSource.fit(Npy.read(file), file);
			return new MelCheck(null, null, bytes);
		}
		catch (NoSuchFileException ex) {
			return new MelCheck(InputProblems.Kind.MISSING_MEL, file + ": not found", -1);
		}
		catch (NpyFormatException ex) {
			boolean truncated = String.valueOf(ex.getMessage()).contains("truncated");
			return new MelCheck(truncated ? InputProblems.Kind.TRUNCATED_MEL : InputProblems.Kind.UNREADABLE_MEL,
					file + ": " + ex.getMessage(), -1);
		}
		catch (IOException | RuntimeException ex) {
			String text = String.valueOf(ex.getMessage());
			InputProblems.Kind kind = text.contains("non-finite") ? InputProblems.Kind.NON_FINITE_MEL
					: text.contains(" × n mel") ? InputProblems.Kind.WRONG_SHAPE_MEL : InputProblems.Kind.UNREADABLE_MEL;
			return new MelCheck(kind, file + ": " + text, -1);
		}
	}
}
