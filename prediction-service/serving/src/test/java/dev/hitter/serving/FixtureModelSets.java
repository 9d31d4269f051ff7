package dev.hitter.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.stream.Stream;

import dev.hitter.features.mel.MelSpectrogram;

/**
 * The tiny model sets in {@code src/test/resources/model-sets} (made by {@code src/test/fixture-maker}): random
 * weights with the exact serving signature, every genre at {@code v20261120-000000} under {@code all/}, and a
 * newer POP version under {@code newer/}. Their outputs are exact: contributions sum to the logit minus the output
 * bias written below.
 */
public final class FixtureModelSets {

	static final Path ALL = Path.of("src/test/resources/model-sets/all");

	static final Path NEWER = Path.of("src/test/resources/model-sets/newer");

	static final String VERSION = "v20261120-000000";

	static final String NEWER_VERSION = "v20261127-000000";

	/** The POP fixture's output biases (see the fixture maker). */
	static final double POP_AUDIO_BIAS = 0.10;

	static final double POP_LYRICS_BIAS = -0.05;

	private FixtureModelSets() {
	}

	/** A random 30-second melon-v1 log-mel (values in the range real ones take). */
	static MelSpectrogram mel(long seed) {
		Random random = new Random(seed);
		float[] values = new float[GenreModels.AUDIO_SPEC.bands() * GenreModels.AUDIO_FRAMES];
		for (int i = 0; i < values.length; i++) {
			values[i] = random.nextFloat() * 3;
		}
		return new MelSpectrogram(GenreModels.AUDIO_SPEC.id(), GenreModels.AUDIO_SPEC.bands(), GenreModels.AUDIO_FRAMES,
				values);
	}

	public static void copyTree(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
