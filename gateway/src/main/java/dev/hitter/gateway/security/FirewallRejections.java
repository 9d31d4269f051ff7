package dev.hitter.gateway.security;

import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.hitter.kit.problem.ProblemType;
import reactor.core.publisher.Mono;

/**
 * What Spring Security's firewall (StrictServerWebExchangeFirewall) refuses — a path climbing out with {@code ..},
 * an encoded slash or percent, a method like TRACE — answered as problem+json instead of its empty 400.
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

	// The firewall's own default list; any other method is refused by it.
	static final Set<HttpMethod> ALLOWED_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
			HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		HttpMethod method = exchange.getRequest().getMethod();
		log.debug("Firewall refused {} {}: {}", method, exchange.getRequest().getPath(), rejected.getMessage());
		if (!ALLOWED_METHODS.contains(method)) {
			return ProblemResponses.write(exchange, ProblemType.METHOD_NOT_ALLOWED,
					"This gateway does not take " + method.name() + ".",
					Map.of("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"));
		}
		// Not the firewall's message as detail: it quotes the hostile input back.
		return ProblemResponses.write(exchange, ProblemType.MALFORMED_REQUEST,
				"The request's path or headers are not allowed: send a normalised path without encoded slashes.",
				Map.of());
	}
}
