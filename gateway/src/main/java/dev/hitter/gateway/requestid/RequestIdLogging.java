package dev.hitter.gateway.requestid;

import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

import dev.hitter.kit.requestid.RequestId;
import io.micrometer.context.ContextRegistry;
import reactor.core.publisher.Hooks;

/**
 * Reactive code hops threads, so the request id lives in the Reactor context; this restores it into the
 * logging MDC on whichever thread runs the next step, so gateway log lines carry it like services' do.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdLogging {

	RequestIdLogging() {
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(RequestId.MDC_KEY, () -> MDC.get(RequestId.MDC_KEY),
					value -> MDC.put(RequestId.MDC_KEY, value), () -> MDC.remove(RequestId.MDC_KEY));
		Hooks.enableAutomaticContextPropagation();
	}
}
