package dev.hitter.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The gateway's own errors that no public path can provoke on purpose (every unlisted method is refused by
 * security first), answered as problem+json all the same.
 */
class GatewayErrorsTest {

	private final GatewayErrors errors = new GatewayErrors();

	@Test
	void aMethodThePathDoesNotTakeIsAMethodNotAllowedProblemWithAllow() {
		MockServerWebExchange exchange = exchange(HttpMethod.DELETE, "/actuator/health");
		errors.handle(exchange, new MethodNotAllowedException(HttpMethod.DELETE, List.of(HttpMethod.GET, HttpMethod.HEAD)))
			.block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(exchange.getResponse().getHeaders().getFirst("Allow")).isEqualTo("GET, HEAD");
		assertProblem(exchange, "method-not-allowed");
	}

	@Test
	void anUnreadableRequestIsAMalformedRequestProblemThatNamesNoClass() {
		MockServerWebExchange exchange = exchange(HttpMethod.GET, "/swagger-ui.html");
		errors.handle(exchange, new ServerWebInputException("Failed to read dev.hitter.Secret at /opt/app/x.jar")).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(assertProblem(exchange, "malformed-request")).doesNotContain("dev.hitter", "/opt/app");
	}

	@Test
	void anUnreachableBackendIsAServiceUnavailableProblemToRetry() {
		MockServerWebExchange exchange = exchange(HttpMethod.GET, "/v3/api-docs/auth");
		errors.handle(exchange, new IllegalStateException("wrapped", new ConnectException("Connection refused: /127.0.0.1:8081")))
			.block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(assertProblem(exchange, "service-unavailable")).doesNotContain("8081");
	}

	@Test
	void aFailureOfItsOwnIsAnInternalErrorProblemWithoutTheMessage() {
		MockServerWebExchange exchange = exchange(HttpMethod.GET, "/");
		errors.handle(exchange, new NullPointerException("field secretKey of /etc/hitter/keys")).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(assertProblem(exchange, "internal-error")).doesNotContain("secretKey", "/etc", "NullPointer");
	}

	@Test
	void anyOtherStatusOfItsOwnKeepsItsStatus() {
		MockServerWebExchange exchange = exchange(HttpMethod.GET, "/");
		errors.handle(exchange, new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE, "no text/csv here")).block();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
		assertProblem(exchange, "not-acceptable");
	}

	private static MockServerWebExchange exchange(HttpMethod method, String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
	}

	private static String assertProblem(MockServerWebExchange exchange, String slug) {
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String body = exchange.getResponse().getBodyAsString().block();
		assertThat(body).contains("\"type\":\"https://hitter.dev/problems/" + slug + "\"").doesNotContain("trace");
		return body;
	}
}
