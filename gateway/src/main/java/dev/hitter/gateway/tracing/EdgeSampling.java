package dev.hitter.gateway.tracing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Which requests the gateway traces for export. A caller's {@code traceparent} keeps its trace id, so that a partner
 * can find its own calls in our traces, but not its sampled flag: obeyed, it would let anyone have every request of
 * theirs recorded and exported, a cheap way to flood the trace backend and the services' exporters. A trace that comes
 * in from outside is sampled at the configured probability by chance, like a new one; the services behind the
 * gateway are reached only through it and follow its decision (Boot's parent-based sampler).
 *
 * <p>By chance, not by trace id: OpenTelemetry's ratio sampler decides on the trace id's low bits, and a caller who
 * chooses the trace id would choose to be sampled.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSampling {

	@Bean
	Sampler edgeSampler(TracingProperties tracing) {
		return sampler(tracing.getSampling().getProbability());
	}

	static Sampler sampler(double probability) {
		Sampler chance = new ChanceSampler(probability);
		return Sampler.parentBasedBuilder(Sampler.traceIdRatioBased(probability))
			.setRemoteParentSampled(chance)
			.setRemoteParentNotSampled(chance)
			.build();
	}

	/** Samples a share of the spans it is asked about, whatever their trace id. */
	static final class ChanceSampler implements Sampler {

		private final double probability;

		ChanceSampler(double probability) {
			if (!(probability >= 0 && probability <= 1)) {
				throw new IllegalArgumentException("a sampling probability is between 0 and 1, not " + probability);
			}
			this.probability = probability;
		}

		@Override
		public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
				Attributes attributes, List<LinkData> parentLinks) {
			return probability > 0 && ThreadLocalRandom.current().nextDouble() < probability
					? SamplingResult.recordAndSample() : SamplingResult.drop();
		}

		@Override
		public String getDescription() {
			return "EdgeChance{" + probability + "}";
		}
	}
}
