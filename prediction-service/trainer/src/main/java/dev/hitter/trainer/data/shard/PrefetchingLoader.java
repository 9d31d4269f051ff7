package dev.hitter.trainer.data.shard;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills mini-batches ahead of the training loop on a few threads: a pass over the examples in a given order is cut
 * into batches, batch k always holds the examples at positions {@code [k·size, (k+1)·size)} of that order, and the
 * loop receives them in order — so a batch's contents depend on the order (the seed) only, never on which thread
 * was faster. At most {@code ahead} batches are read but not yet taken, which bounds memory. A read that fails ends
 * the pass with its {@link IOException}; {@link #close()} stops the threads.
 *
 * @param <X> one example (a mel's values, a lyrics' ids)
 */
public final class PrefetchingLoader<X> implements AutoCloseable {

	/** Examples by position; {@link #get} is called from several threads at once. */
	@FunctionalInterface
	public interface Examples<X> {

		X get(int index) throws IOException;
	}

	/** One mini-batch: its examples and their labels (1 = hit), in the pass's order. */
	public record Batch<X>(int number, List<X> examples, float[] hits) {
	}

	/** Threads and batches ahead for training input: two cores want two readers; four batches keep them busy. */
	public static int defaultThreads() {
		return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	public static final int DEFAULT_AHEAD = 4;

	private final Examples<X> examples;

	private final boolean[] hits;

	private final int ahead;

	private final ExecutorService pool;

	private Pass current;

	/**
	 * @param hits every example's label, or null when the batches need none (predictions)
	 * @param threads readers
	 * @param ahead most batches read ahead of the loop (at least 1)
	 */
	public PrefetchingLoader(Examples<X> examples, boolean[] hits, int threads, int ahead) {
		if (threads < 1 || ahead < 1) {
			throw new IllegalArgumentException("a loader needs at least one thread and one batch ahead");
		}
		this.examples = examples;
		this.hits = hits;
		this.ahead = ahead;
		this.pool = Executors.newFixedThreadPool(threads, MelShardWriter.daemon("batch-loader"));
	}

	/** A loader over a list, such as mels read on demand; an {@link UncheckedIOException} from it counts as the read's error. */
	public static <X> PrefetchingLoader<X> of(List<X> list, boolean[] hits, int threads, int ahead) {
		return new PrefetchingLoader<>(index -> {
			try {
				return list.get(index);
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}, hits, threads, ahead);
	}

	/** Starts a pass over the examples at {@code order}'s positions in that order; ends the previous pass. */
	public Pass pass(int[] order, int batchSize) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch size must be at least 1");
		}
		if (current != null) {
			current.close();
		}
		current = new Pass(order.clone(), batchSize);
		return current;
	}

	@Override
	public void close() {
		if (current != null) {
			current.close();
		}
		pool.shutdownNow();
	}

	/** One pass: take its batches with {@link #next()} while {@link #hasNext()}. */
	public final class Pass implements AutoCloseable {

		private final int[] order;

		private final int batchSize;

		private final int batches;

		private final ArrayDeque<Future<Batch<X>>> pending = new ArrayDeque<>();

		private int submitted;

		private int taken;

		private boolean failed;

		private Pass(int[] order, int batchSize) {
			this.order = order;
			this.batchSize = batchSize;
			this.batches = (order.length + batchSize - 1) / batchSize;
			while (submitted < batches && submitted < ahead) {
				submitNext();
			}
		}

		public int batches() {
			return batches;
		}

		public boolean hasNext() {
			return !failed && taken < batches;
		}

		/** The next batch, waiting for it if the readers are behind; a failed read's {@link IOException}. */
		public Batch<X> next() throws IOException {
			if (!hasNext()) {
				throw new IllegalStateException(failed ? "the pass failed" : "the pass is over");
			}
			Future<Batch<X>> future = pending.poll();
			if (submitted < batches) {
				submitNext();
			}
			try {
				Batch<X> batch = future.get();
				taken++;
				return batch;
			}
			catch (ExecutionException ex) {
				close();
				throw MelShardWriter.asIOException(ex.getCause());
			}
			catch (CancellationException ex) {
				close();
				throw new IOException("the batch loader was closed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				throw new InterruptedIOException("interrupted while waiting for a batch");
			}
		}

		private void submitNext() {
			int number = submitted++;
			pending.add(pool.submit(() -> read(number)));
		}

		private Batch<X> read(int number) throws IOException {
			int from = number * batchSize;
			int to = Math.min(order.length, from + batchSize);
			List<X> batch = new ArrayList<>(to - from);
			float[] labels = new float[to - from];
			for (int i = from; i < to; i++) {
				if (Thread.currentThread().isInterrupted()) {
					throw new InterruptedIOException("batch loader stopped");
				}
				batch.add(examples.get(order[i]));
				labels[i - from] = hits != null && hits[order[i]] ? 1 : 0;
			}
			return new Batch<>(number, batch, labels);
		}

		/** Cancels the batches read ahead; the pass then has no more. */
		@Override
		public void close() {
			failed = failed || taken < batches;
			for (Future<Batch<X>> future : pending) {
				future.cancel(true);
			}
			pending.clear();
		}
	}
}
