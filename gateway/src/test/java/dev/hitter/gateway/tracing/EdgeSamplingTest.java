package dev.hitter.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

/**
 * A caller cannot choose to be traced: its traceparent's sampled flag and its trace id are not what decides.
 */
@SpringBootTest(properties = { "management.tracing.sampling.probability=0", "HITTER_AUTH_URL=http://127.0.0.1:9",
		"HITTER_COMMUNITY_URL=http://127.0.0.1:9", "HITTER_PREDICTION_URL=http://127.0.0.1:9",
		"hitter.security.jwk-set-uri=http://127.0.0.1:9/jwks" })
class EdgeSamplingTest {

	/** The lowest trace id there is: OpenTelemetry's ratio sampler samples it at any probability above zero. */
	static final String CHOSEN_TRACE_ID = "00000000000000000000000000000001";

	@Autowired
	Sampler sampler;

	@Test
	void theGatewaysSamplerIgnoresACallersSampledFlag() {
		assertThat(sampler.getDescription()).contains("EdgeChance{0.0}");
		assertThat(decide(sampler, remoteParent(true), CHOSEN_TRACE_ID)).isEqualTo(SamplingDecision.DROP);
	}

	@Test
	void aCallerWhoSaysSampledIsSampledOnlyAsOftenAsANewTrace() {
		Sampler tenPercent = EdgeSampling.sampler(0.1);
		int sampled = 0;
		for (int i = 0; i < 10_000; i++) {
			// Always the trace id that a trace-id ratio would sample: the decision must not follow it.
			if (decide(tenPercent, remoteParent(true), CHOSEN_TRACE_ID) == SamplingDecision.RECORD_AND_SAMPLE) {
				sampled++;
			}
		}
		assertThat(sampled).isBetween(800, 1200);
	}

	@Test
	void spansInsideTheGatewayFollowTheirOwnTrace() {
		Sampler never = EdgeSampling.sampler(0);
		Sampler always = EdgeSampling.sampler(1);
		assertThat(decide(never, localParent(true), CHOSEN_TRACE_ID)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(always, localParent(false), CHOSEN_TRACE_ID)).isEqualTo(SamplingDecision.DROP);
		assertThat(decide(always, Context.root(), CHOSEN_TRACE_ID)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
		assertThat(decide(always, remoteParent(false), CHOSEN_TRACE_ID)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void refusesAProbabilityOutsideZeroToOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> EdgeSampling.sampler(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> EdgeSampling.sampler(Double.NaN));
	}

	private static SamplingDecision decide(Sampler sampler, Context parent, String traceId) {
		return sampler.shouldSample(parent, traceId, "http get", SpanKind.SERVER, Attributes.empty(), List.of())
			.getDecision();
	}

	private static Context remoteParent(boolean sampled) {
		return parent(SpanContext.createFromRemoteParent(CHOSEN_TRACE_ID, "00000000000000aa",
				sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault()));
	}

	private static Context localParent(boolean sampled) {
		return parent(SpanContext.create(CHOSEN_TRACE_ID, "00000000000000bb",
				sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault()));
	}

	private static Context parent(SpanContext context) {
		return Context.root().with(Span.wrap(context));
	}
}
