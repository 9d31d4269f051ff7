package dev.hitter.prediction.analysis;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.prediction.PredictionProblems;

/**
 * Admits a bounded number of analyses at once. A request waits briefly for a slot and is otherwise refused with
 * 503 and {@code Retry-After}: decoding and inference are CPU-bound, so queueing more threads than cores only makes
 * every request slower and holds their uploads longer.
 */
@Component
public class AnalysisGate {

	private final Semaphore slots;

	private final AnalysisProperties properties;

	AnalysisGate(AnalysisProperties properties) {
		this.properties = properties;
		this.slots = new Semaphore(properties.analysisSlots(), true);
	}

	/** A slot held until closed; refuses with {@link ApiException} with Retry-After after the admission wait. */
	public Admission enter() {
		try {
			if (slots.tryAcquire(properties.admissionWait().toNanos(), TimeUnit.NANOSECONDS)) {
				return new Admission(slots);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new ApiException(PredictionProblems.ANALYSES_BUSY,
				"All " + properties.analysisSlots() + " analysis slots are busy; retry in a few seconds.",
				properties.retryAfter());
	}

	/** Slots free right now (for health and tests). */
	public int freeSlots() {
		return slots.availablePermits();
	}

	/** One admitted analysis; closing it frees the slot (once). */
	public static final class Admission implements AutoCloseable {

		private Semaphore slots;

		private Admission(Semaphore slots) {
			this.slots = slots;
		}

		@Override
		public void close() {
			if (slots != null) {
				slots.release();
				slots = null;
			}
		}
	}
}
