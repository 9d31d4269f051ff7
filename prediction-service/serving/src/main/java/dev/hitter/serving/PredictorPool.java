package dev.hitter.serving;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.TranslateException;

/**
 * A fixed number of DJL predictors for one model, lent to one caller at a time: DJL predictors are not thread-safe,
 * and one per core keeps the cores busy without queueing inside TensorFlow. A caller waits at most the borrow
 * timeout for a free one.
 *
 * <p>Retiring the pool (when a newer model version replaces it) lets the calls in flight finish; the predictors
 * and the model are closed when the last of them returns, and new calls are refused.
 */
final class PredictorPool {

	/** What a caller does with a borrowed predictor. */
	interface Call<T> {

		T run(Predictor<NDList, NDList> predictor) throws TranslateException;
	}

	private final String name;

	private final List<Predictor<NDList, NDList>> predictors;

	private final BlockingQueue<Predictor<NDList, NDList>> idle;

	private final Duration borrowTimeout;

	private final Runnable afterClose;

	private int inFlight;

	private boolean retired;

	private boolean closed;

	PredictorPool(String name, List<Predictor<NDList, NDList>> predictors, Duration borrowTimeout,
			Runnable afterClose) {
		if (predictors.isEmpty()) {
			throw new IllegalArgumentException("a pool needs at least one predictor");
		}
		this.name = name;
		this.predictors = List.copyOf(predictors);
		this.idle = new ArrayBlockingQueue<>(predictors.size(), false, predictors);
		this.borrowTimeout = borrowTimeout;
		this.afterClose = afterClose;
	}

	int size() {
		return predictors.size();
	}

	<T> T call(Call<T> call) throws TranslateException {
		enter();
		try {
			Predictor<NDList, NDList> predictor = borrow();
			try {
				return call.run(predictor);
			}
			finally {
				idle.add(predictor);
			}
		}
		finally {
			leave();
		}
	}

	/** Refuses new calls and closes everything once the calls in flight are done (at once if there are none). */
	void retire() {
		boolean closeNow;
		synchronized (this) {
			retired = true;
			closeNow = inFlight == 0 && !closed;
			closed |= closeNow;
		}
		if (closeNow) {
			closeAll();
		}
	}

	synchronized boolean isClosed() {
		return closed;
	}

	private synchronized void enter() {
		if (retired) {
			throw new ModelsUnavailableException(name + " was replaced by a newer version; ask the registry again");
		}
		inFlight++;
	}

	private void leave() {
		boolean closeNow;
		synchronized (this) {
			inFlight--;
			closeNow = retired && inFlight == 0 && !closed;
			closed |= closeNow;
		}
		if (closeNow) {
			closeAll();
		}
	}

	private Predictor<NDList, NDList> borrow() {
		try {
			Predictor<NDList, NDList> predictor = idle.poll(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS);
			if (predictor == null) {
				throw new ModelsBusyException("all " + predictors.size() + " predictors of " + name + " stayed busy for "
						+ borrowTimeout.toMillis() + " ms");
			}
			return predictor;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ModelsBusyException("interrupted while waiting for a predictor of " + name);
		}
	}

	private void closeAll() {
		predictors.forEach(Predictor::close);
		afterClose.run();
	}
}
