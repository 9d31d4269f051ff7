package dev.hitter.gateway.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hitter.kit.requestid.RequestId;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the caller's, if acceptable), passes it to the service it is routed to,
 * returns it to the caller, and writes one access-log line per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

	private static final Logger accessLog = LoggerFactory.getLogger("hitter.gateway.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = RequestId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
		ServerWebExchange withId = exchange.mutate()
			.request(request -> request.headers(headers -> headers.set(RequestId.HEADER, requestId)))
			.build();
		withId.getResponse().getHeaders().set(RequestId.HEADER, requestId);
		withId.getAttributes().put(RequestId.MDC_KEY, requestId);
		long started = System.nanoTime();
		return chain.filter(withId)
			.doFinally(signal -> accessLog.info("{} {} -> {} in {} ms", withId.getRequest().getMethod(),
					withId.getRequest().getPath().value(), withId.getResponse().getStatusCode(),
					(System.nanoTime() - started) / 1_000_000))
			.contextWrite(context -> context.put(RequestId.MDC_KEY, requestId));
	}
}
