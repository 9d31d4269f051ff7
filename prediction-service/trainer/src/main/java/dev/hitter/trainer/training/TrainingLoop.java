package dev.hitter.trainer.training;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.hitter.models.BinaryMetrics;
import dev.hitter.trainer.data.shard.PrefetchingLoader;
import dev.hitter.trainer.network.HitNetwork;
import dev.hitter.trainer.network.Predictions;

/**
 * Mini-batch training with early stopping on validation ROC AUC: prints one line per epoch, keeps the weights of
 * the best epoch (AUCs within 0.005 count as tied, and then the lower validation loss wins) and puts them back at the end.
 */
public final class TrainingLoop {

	private static final int PREDICT_BATCH = 64;

	private static final double TIE = 0.005;

	private TrainingLoop() {
	}

	/** The epochs run and the best one. */
	public record Outcome(int epochsRun, int bestEpoch, double bestValidationAuc, double seconds) {
	}

	public static <X> Outcome fit(HitNetwork<X> network, List<X> train, boolean[] trainHits, List<X> validation,
			boolean[] validationHits, TrainingSettings settings, String name, PrintStream progress) {
		// The examples come through the prefetching loader: readers fill the next batches (mels from a shard or
		// from files) while the network trains on this one. The order is the same seeded shuffle as ever.
		try (PrefetchingLoader<X> loader = PrefetchingLoader.of(train, trainHits, PrefetchingLoader.defaultThreads(),
				PrefetchingLoader.DEFAULT_AHEAD)) {
			return fit(network, loader, train.size(), validation, validationHits, settings, name, progress);
		}
	}

	private static <X> Outcome fit(HitNetwork<X> network, PrefetchingLoader<X> loader, int trainSize,
			List<X> validation, boolean[] validationHits, TrainingSettings settings, String name,
			PrintStream progress) {
		long started = System.nanoTime();
		Random shuffle = new Random(settings.seed());
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < trainSize; i++) {
			order.add(i);
		}
		double bestAuc = Double.NEGATIVE_INFINITY;
		double bestLoss = Double.POSITIVE_INFINITY;
		int bestEpoch = 0;
		int epoch = 0;
		while (epoch < settings.epochs()) {
			epoch++;
			Collections.shuffle(order, shuffle);
			double lossSum = 0;
			int batches = 0;
			PrefetchingLoader<X>.Pass pass = loader.pass(order.stream().mapToInt(Integer::intValue).toArray(),
					settings.batchSize());
			while (pass.hasNext()) {
				PrefetchingLoader.Batch<X> batch = take(pass);
				lossSum += network.train(batch.examples(), batch.hits());
				batches++;
			}
			Predictions predictions = predict(network, validation);
			BinaryMetrics metrics = BinaryMetrics.of(toDouble(predictions.probabilities()), validationHits);
			double auc = Double.isNaN(metrics.rocAuc()) ? 0 : metrics.rocAuc();
			// AUCs within TIE of each other count as equal (on a small validation split one pair flips them), and
			// then the lower validation loss wins: the model keeps improving while the ranking is already right.
			boolean better = auc > bestAuc + TIE || auc >= bestAuc - TIE && metrics.logLoss() < bestLoss;
			progress.printf("%s epoch %d/%d  train loss %.4f  validation AUC %.4f  validation loss %.4f%s  (%.1f s)%n",
					name, epoch, settings.epochs(), lossSum / batches, auc, metrics.logLoss(), better ? "  *" : "",
					(System.nanoTime() - started) / 1e9);
			if (better) {
				bestAuc = Math.max(auc, bestAuc);
				bestLoss = metrics.logLoss();
				bestEpoch = epoch;
				network.remember();
			}
			else if (epoch - bestEpoch >= settings.patience()) {
				progress.printf("%s early stop: no better validation AUC for %d epochs; keeping epoch %d%n", name,
						settings.patience(), bestEpoch);
				break;
			}
		}
		network.restoreRemembered();
		return new Outcome(epoch, bestEpoch, bestAuc, (System.nanoTime() - started) / 1e9);
	}

	/**
	 * Predictions in batches of {@value #PREDICT_BATCH}, so that a large split never becomes one huge tensor; the
	 * inputs are read ahead by the prefetching loader.
	 */
	public static <X> Predictions predict(HitNetwork<X> network, List<X> inputs) {
		int n = inputs.size();
		float[] logits = new float[n];
		float[] probabilities = new float[n];
		float[][] contributions = new float[n][];
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		try (PrefetchingLoader<X> loader = PrefetchingLoader.of(inputs, null, PrefetchingLoader.defaultThreads(),
				PrefetchingLoader.DEFAULT_AHEAD)) {
			PrefetchingLoader<X>.Pass pass = loader.pass(order, PREDICT_BATCH);
			while (pass.hasNext()) {
				PrefetchingLoader.Batch<X> batch = take(pass);
				int from = batch.number() * PREDICT_BATCH;
				int count = batch.examples().size();
				Predictions part = network.predict(batch.examples());
				System.arraycopy(part.logits(), 0, logits, from, count);
				System.arraycopy(part.probabilities(), 0, probabilities, from, count);
				System.arraycopy(part.contributions(), 0, contributions, from, count);
			}
		}
		return new Predictions(logits, probabilities, contributions);
	}

	/** A failed read stops training with its cause (the trainer reports it per genre). */
	private static <X> PrefetchingLoader.Batch<X> take(PrefetchingLoader<X>.Pass pass) {
		try {
			return pass.next();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static double[] toDouble(float[] values) {
		double[] out = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = values[i];
		}
		return out;
	}
}
