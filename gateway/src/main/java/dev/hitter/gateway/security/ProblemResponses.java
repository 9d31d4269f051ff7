package dev.hitter.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.requestid.RequestId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Writes the gateway's own errors in the same problem+json shape as the services'. */
public final class ProblemResponses {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail,
			Map<String, String> extraHeaders) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.uri().toString());
		body.put("title", type.title());
		body.put("status", type.status().value());
		body.put("detail", detail);
		body.put("instance", exchange.getRequest().getPath().value());
		Object requestId = exchange.getAttribute(RequestId.MDC_KEY);
		if (requestId != null) {
			body.put("requestId", requestId);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(type.status());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		extraHeaders.forEach(headers::set);
		DataBuffer buffer = response.bufferFactory()
			.wrap(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}
}
