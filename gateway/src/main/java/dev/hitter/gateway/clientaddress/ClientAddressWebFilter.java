package dev.hitter.gateway.clientaddress;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hitter.kit.clientaddress.ClientAddress;
import reactor.core.publisher.Mono;

/**
 * Tells the services who the client is, in {@link ClientAddress#HEADER}, replacing whatever a client sent under that
 * name. The client is the connection's peer — unless the peer is one of the trusted proxies
 * ({@code HITTER_TRUSTED_PROXIES}, the same regex the gateway's forwarded headers use): then the gateway walks
 * {@code X-Forwarded-For} from the right, past trusted proxies, and takes the first address none of them is. The
 * left end of that header is whatever the client wrote, so it is never read past an untrusted hop. auth-service's
 * login throttling keys on this address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ClientAddressWebFilter implements WebFilter {

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	// An IPv4 or IPv6 literal's characters (a zone id is not accepted): no host name is ever resolved.
	private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final Predicate<String> trustedProxy;

	ClientAddressWebFilter(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
		Predicate<String> none = address -> false;
		this.trustedProxy = trustedProxies == null || trustedProxies.isBlank() ? none
				: Pattern.compile(trustedProxies).asMatchPredicate();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
		String client = resolve(peer, exchange.getRequest().getHeaders().getOrEmpty(X_FORWARDED_FOR), trustedProxy);
		return chain.filter(exchange.mutate()
			.request(request -> request.headers(headers -> headers.set(ClientAddress.HEADER, client)))
			.build());
	}

	static String resolve(String peer, List<String> forwardedFor, Predicate<String> trusted) {
		if (!trusted.test(peer)) {
			return peer;
		}
		List<String> hops = new ArrayList<>();
		for (String value : forwardedFor) {
			for (String hop : value.split(",")) {
				hops.add(hop.strip());
			}
		}
		String nearest = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (!ADDRESS_LITERAL.matcher(hop).matches()) {
				// A trusted proxy would not write this: stop at the last address one of them vouched for.
				return nearest;
			}
			if (!trusted.test(hop)) {
				return hop;
			}
			nearest = hop;
		}
		return nearest;
	}
}
