package dev.hitter.prediction.analysis;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.prediction.PredictionProblems;

/**
 * Admits a bounded number of analyses at once. A request waits briefly for a slot and is otherwise refused with
 * 503 and {@code Retry-After}: decoding and inference are CPU-bound, so queueing more threads than cores only makes
 * every request slower and holds their uploads longer. Each member also has a share of single analyses
 * ({@link #enterAs}), so that one member cannot hold every slot while others wait.
 */
@Component
public class AnalysisGate {

	private final Semaphore slots;

	private final AnalysisProperties properties;

	/** Each member's analyses in progress; members with none have no entry. */
	private final Map<UUID, Integer> running = new ConcurrentHashMap<>();

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

	/**
	 * One of the member's own analyses, taken before its upload is read (the member is known from the token) and
	 * held until the answer: receiving the upload, reading a lyrics file and decoding all happen inside it. Refused
	 * at once with 429 when the member already has their share running: waiting would only hold a request thread.
	 */
	public MemberTurn enterAs(UUID member) {
		int share = properties.analysesPerMember();
		boolean[] admitted = { false };
		running.compute(member, (id, count) -> {
			int now = count == null ? 0 : count;
			if (now >= share) {
				return count;
			}
			admitted[0] = true;
			return now + 1;
		});
		if (!admitted[0]) {
			throw new ApiException(PredictionProblems.ANALYSIS_LIMIT_REACHED, "You already have " + share
					+ " analyses running, as many as one member may; retry when one has answered.",
					properties.retryAfter());
		}
		return new MemberTurn(running, member);
	}

	/** One of a member's analyses in progress; closing it ends it (once). */
	public static final class MemberTurn implements AutoCloseable {

		private Map<UUID, Integer> running;

		private final UUID member;

		private MemberTurn(Map<UUID, Integer> running, UUID member) {
			this.running = running;
			this.member = member;
		}

		@Override
		public void close() {
			if (running != null) {
				running.computeIfPresent(member, (id, count) -> count <= 1 ? null : count - 1);
				running = null;
			}
		}
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
