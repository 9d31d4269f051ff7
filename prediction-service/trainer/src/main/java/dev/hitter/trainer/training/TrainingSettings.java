package dev.hitter.trainer.training;

import dev.hitter.features.lyrics.LyricsSpec;
import dev.hitter.trainer.network.AudioNetwork;
import dev.hitter.trainer.network.LyricsNetwork;

/**
 * How to train a genre's two networks.
 *
 * @param epochs most passes over the training split
 * @param patience epochs without a better validation AUC before stopping (the best epoch's weights are kept)
 * @param batchSize examples per Adam step
 * @param learningRate Adam's step size
 * @param l2 weight decay on convolution, embedding and dense weights (not biases)
 * @param seed shuffles, splits and initial weights
 * @param lyricsSpec how lyrics become ids ({@link LyricsSpec#V1} in production)
 * @param minTokenCount fewest occurrences in the training split for a token to enter the vocabulary
 * @param maxVocabulary most vocabulary ids, the reserved two included
 * @param parity held-out examples whose inputs and outputs are written for the server's parity test (0 = none)
 * @param threads TensorFlow intra-op threads of each training session (the kernels of one step)
 */
public record TrainingSettings(int epochs, int patience, int batchSize, float learningRate, float l2, long seed,
		LyricsSpec lyricsSpec, int minTokenCount, int maxVocabulary, AudioNetwork.Sizes audioSizes,
		LyricsNetwork.Sizes lyricsSizes, int parity, int threads) {

	/** Without a thread count: the 2 threads of the machine the demonstration set was trained on. */
	public TrainingSettings(int epochs, int patience, int batchSize, float learningRate, float l2, long seed,
			LyricsSpec lyricsSpec, int minTokenCount, int maxVocabulary, AudioNetwork.Sizes audioSizes,
			LyricsNetwork.Sizes lyricsSizes, int parity) {
		this(epochs, patience, batchSize, learningRate, l2, seed, lyricsSpec, minTokenCount, maxVocabulary, audioSizes,
				lyricsSizes, parity, 2);
	}

	/** The demonstration set's settings: small networks that train in about a minute per genre on two cores. */
	public static TrainingSettings defaults() {
		return new TrainingSettings(30, 5, 16, 2e-3f, 1e-4f, 7, LyricsSpec.V1, 2, 20_000, AudioNetwork.Sizes.DEFAULT,
				LyricsNetwork.Sizes.DEFAULT, 0, 2);
	}

	/** These settings with the hyper-parameters a command line gave (the rest kept). */
	public TrainingSettings withHyperParameters(float learningRate, float l2, AudioNetwork.Sizes audioSizes,
			LyricsNetwork.Sizes lyricsSizes, int threads) {
		return new TrainingSettings(epochs, patience, batchSize, learningRate, l2, seed, lyricsSpec, minTokenCount,
				maxVocabulary, audioSizes, lyricsSizes, parity, threads);
	}

	public TrainingSettings withEpochs(int epochs) {
		return new TrainingSettings(epochs, patience, batchSize, learningRate, l2, seed, lyricsSpec, minTokenCount,
				maxVocabulary, audioSizes, lyricsSizes, parity, threads);
	}

	public TrainingSettings withPatience(int patience) {
		return new TrainingSettings(epochs, patience, batchSize, learningRate, l2, seed, lyricsSpec, minTokenCount,
				maxVocabulary, audioSizes, lyricsSizes, parity, threads);
	}

	public TrainingSettings withSeed(long seed) {
		return new TrainingSettings(epochs, patience, batchSize, learningRate, l2, seed, lyricsSpec, minTokenCount,
				maxVocabulary, audioSizes, lyricsSizes, parity, threads);
	}

	public TrainingSettings withLyricsSpec(LyricsSpec lyricsSpec) {
		return new TrainingSettings(epochs, patience, batchSize, learningRate, l2, seed, lyricsSpec, minTokenCount,
				maxVocabulary, audioSizes, lyricsSizes, parity, threads);
	}

	public TrainingSettings withMinTokenCount(int minTokenCount) {
		return new TrainingSettings(epochs, patience, batchSize, learningRate, l2, seed, lyricsSpec, minTokenCount,
				maxVocabulary, audioSizes, lyricsSizes, parity, threads);
	}

	public TrainingSettings withParity(int parity) {
		return new TrainingSettings(epochs, patience, batchSize, learningRate, l2, seed, lyricsSpec, minTokenCount,
				maxVocabulary, audioSizes, lyricsSizes, parity, threads);
	}
}
