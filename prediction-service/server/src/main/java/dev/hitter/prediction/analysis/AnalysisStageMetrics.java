package dev.hitter.prediction.analysis;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import dev.hitter.models.Genre;

/**
 * {@code hitter.analysis.stage}: each analysis's decode, features and models time, tagged {@code stage} and
 * {@code genre}, with a histogram so that the dashboard's "Analysis stages p95" shows which part got slower (a
 * decoder change, a CPU limit, a larger model).
 */
@Component
class AnalysisStageMetrics implements AnalysisObserver {

	private final MeterRegistry registry;

	AnalysisStageMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void admitted(Genre genre) {
	}

	@Override
	public void stagesDone(Genre genre, Duration decode, Duration features, Duration models) {
		timer("decode", genre).record(decode);
		timer("features", genre).record(features);
		timer("models", genre).record(models);
	}

	private Timer timer(String stage, Genre genre) {
		return Timer.builder("hitter.analysis.stage")
			.description("Time an analysis spent in one stage")
			.tag("stage", stage)
			.tag("genre", genre.name())
			.publishPercentileHistogram()
			.register(registry);
	}
}
