package dev.hitter.gateway.routing;

import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import dev.hitter.gateway.security.ProblemResponses;
import dev.hitter.kit.problem.ProblemType;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request whose service is down, slow or failing: a 503 the
 * client can retry, instead of a hang or a bare 500.
 */
@RestController
class FallbackController {

	static final String RETRY_AFTER_SECONDS = "5";

	@RequestMapping("/fallback/{service}")
	Mono<Void> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
		return ProblemResponses.write(exchange, ProblemType.SERVICE_UNAVAILABLE,
				"The " + service + " service is unavailable right now. Retry in a few seconds.",
				Map.of("Retry-After", RETRY_AFTER_SECONDS));
	}
}
