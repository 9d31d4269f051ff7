package dev.hitter.gateway.error;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import dev.hitter.gateway.security.ProblemResponses;
import dev.hitter.kit.problem.ProblemType;
import reactor.core.publisher.Mono;

/**
 * The gateway's own errors (a path nothing serves, a method a path does not take, a backend it cannot reach
 * on a route without a circuit breaker, a failure of its own) in the problem+json shape of the services,
 * instead of Spring's default error body. Runs before Spring Boot's handler (order -1).
 */
@Component
@Order(-2)
public class GatewayErrors implements ErrorWebExceptionHandler {

	static final String RETRY_AFTER_SECONDS = "5";

	private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(error);
		}
		if (error instanceof MethodNotAllowedException notAllowed) {
			String allowed = notAllowed.getSupportedMethods()
				.stream()
				.map(HttpMethod::name)
				.sorted()
				.collect(Collectors.joining(", "));
			return ProblemResponses.write(exchange, ProblemType.METHOD_NOT_ALLOWED,
					"This path does not take " + exchange.getRequest().getMethod().name() + ".",
					allowed.isEmpty() ? Map.of() : Map.of("Allow", allowed));
		}
		if (error instanceof ResponseStatusException status && status.getStatusCode().value() < 500) {
			// Never the exception's own reason: it may name a file or a class.
			int code = status.getStatusCode().value();
			ProblemType type = code == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(code);
			return ProblemResponses.write(exchange, type, detailOf(type), Map.of());
		}
		if (unreachable(error) || (error instanceof ResponseStatusException status
				&& (status.getStatusCode().value() == 503 || status.getStatusCode().value() == 504))) {
			log.warn("A backend could not answer {} {}: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), error.toString());
			return ProblemResponses.write(exchange, ProblemType.SERVICE_UNAVAILABLE,
					"The service behind this path is unavailable right now. Retry in a few seconds.",
					Map.of("Retry-After", RETRY_AFTER_SECONDS));
		}
		log.error("The gateway failed on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				error);
		return ProblemResponses.write(exchange, ProblemType.INTERNAL_ERROR,
				"Something went wrong on our side. Quote the request id when you report it.", Map.of());
	}

	private static String detailOf(ProblemType type) {
		if (type == ProblemType.NOT_FOUND) {
			return "Nothing is served at this path.";
		}
		if (type == ProblemType.MALFORMED_REQUEST) {
			return "The request could not be read.";
		}
		return type.title() + ".";
	}

	private static boolean unreachable(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}
}
