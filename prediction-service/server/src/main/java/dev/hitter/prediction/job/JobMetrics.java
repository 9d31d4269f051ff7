package dev.hitter.prediction.job;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What an operator scales replicas by: {@code hitter.jobs.items} — batch items waiting and running across all
 * replicas (read from the database at each scrape) — and {@code hitter.jobs.items.finished}, the items this replica
 * finished, by outcome.
 */
@Component
class JobMetrics implements MeterBinder {

	/** How an item this replica worked on ended. */
	enum Outcome {
		/** Scored and kept. */
		SUCCEEDED,
		/** Refused (bad audio or lyrics) or given up after its attempts. */
		FAILED,
		/** Scored, but another replica had taken it over after this one's lease ran out. */
		DROPPED,
		/** Put back: every slot or model was busy, or an unexpected error. */
		REQUEUED
	}

	private final JobStore store;

	private final Map<Outcome, Counter> finished = new EnumMap<>(Outcome.class);

	JobMetrics(JobStore store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			finished.put(outcome, Counter.builder("hitter.jobs.items.finished")
				.description("Batch items this replica finished working on, by outcome")
				.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
				.register(registry));
		}
		for (ItemState state : new ItemState[] { ItemState.QUEUED, ItemState.RUNNING }) {
			Gauge.builder("hitter.jobs.items", store, s -> s.countItems(state))
				.description("Batch items in this state, across all replicas")
				.tag("state", state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

	void finished(Outcome outcome) {
		Counter counter = finished.get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}
}
