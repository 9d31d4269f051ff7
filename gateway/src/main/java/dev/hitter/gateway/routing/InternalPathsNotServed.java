package dev.hitter.gateway.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hitter.gateway.security.ProblemResponses;
import dev.hitter.kit.problem.ProblemType;
import reactor.core.publisher.Mono;

/**
 * The services' {@code /internal} paths are for service tokens from inside the system (docs/internal-calls.md): the
 * gateway answers every request for one 404, whatever its method or token, before security or routing look at it —
 * so no route added later, no app page and no token ever reaches one from outside. Spelled in any case or
 * percent-encoded, it is still refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InternalPathsNotServed implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isInternal(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return ProblemResponses.write(exchange, ProblemType.NOT_FOUND, "No such resource.", Map.of());
		}
		return chain.filter(exchange);
	}

	static boolean isInternal(String rawPath) {
		String path;
		try {
			path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			path = rawPath;
		}
		path = path.toLowerCase(Locale.ROOT);
		while (path.startsWith("//")) {
			path = path.substring(1);
		}
		return path.equals("/internal") || path.startsWith("/internal/") || path.startsWith("/internal;");
	}
}
