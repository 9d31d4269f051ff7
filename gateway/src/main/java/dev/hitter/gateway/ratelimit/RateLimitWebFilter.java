package dev.hitter.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hitter.gateway.security.ProblemResponses;
import dev.hitter.kit.clientaddress.ClientAddress;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Limits how fast each caller may call {@code /api/**}, after the token check (so that only a verified
 * {@code client_id} or {@code sub} can spend a bucket: a forged token naming someone else's id is refused before it
 * costs them anything). A partner client's token spends from its client's bucket and its member's; a member's own
 * token from the member's; a call without a token from its address's. Too fast: {@code 429 rate-limited} with
 * {@code Retry-After}; every limited answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} of the bucket closest to empty.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitWebFilter implements WebFilter, Ordered {

	static final String LIMIT = "RateLimit-Limit";

	static final String REMAINING = "RateLimit-Remaining";

	static final String RESET = "RateLimit-Reset";

	// Right after Spring Security's WebFilterChainProxy (-100): the principal is known, nothing is routed yet.
	private static final int ORDER = -99;

	private final RateLimitProperties properties;

	final TokenBuckets clients;

	final TokenBuckets members;

	final TokenBuckets addresses;

	private final ObjectProvider<MeterRegistry> meters;

	@Autowired
	RateLimitWebFilter(RateLimitProperties properties, ObjectProvider<MeterRegistry> meters) {
		this(properties, meters, System::nanoTime);
	}

	RateLimitWebFilter(RateLimitProperties properties, ObjectProvider<MeterRegistry> meters, LongSupplier nanoTime) {
		this.properties = properties;
		this.meters = meters;
		this.clients = new TokenBuckets(properties.client(), properties.maxTracked(), nanoTime);
		this.members = new TokenBuckets(properties.member(), properties.maxTracked(), nanoTime);
		this.addresses = new TokenBuckets(properties.address(), properties.maxTracked(), nanoTime);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!properties.enabled() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(principal -> limit(exchange, principal))
			.switchIfEmpty(Mono.fromSupplier(() -> limitAddress(exchange)))
			.flatMap(outcome -> outcome.allowed() ? chain.filter(exchange) : refuse(exchange, outcome));
	}

	private Outcome limit(ServerWebExchange exchange, Principal principal) {
		if (!(principal instanceof JwtAuthenticationToken token)) {
			return limitAddress(exchange);
		}
		String member = token.getToken().getSubject();
		String client = token.getToken().getClaimAsString(Member.CLIENT_ID_CLAIM);
		if (client == null) {
			return answer(exchange, "member", members.take(member));
		}
		TokenBuckets.Decision byClient = clients.take(client);
		if (!byClient.allowed()) {
			return answer(exchange, "client", byClient);
		}
		TokenBuckets.Decision byMember = members.take(member);
		if (!byMember.allowed()) {
			clients.giveBack(client);
			return answer(exchange, "member", byMember);
		}
		return answer(exchange, "client", byClient.remaining() <= byMember.remaining() ? byClient : byMember);
	}

	private Outcome limitAddress(ServerWebExchange exchange) {
		return answer(exchange, "address", addresses.take(addressKey(exchange)));
	}

	private static Outcome answer(ServerWebExchange exchange, String kind, TokenBuckets.Decision decision) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(LIMIT, String.valueOf(decision.limit()));
		headers.set(REMAINING, String.valueOf(decision.remaining()));
		headers.set(RESET, String.valueOf(decision.resetSeconds()));
		return new Outcome(kind, decision);
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Outcome outcome) {
		MeterRegistry registry = meters.getIfAvailable();
		if (registry != null) {
			registry.counter("hitter.gateway.rate.limited", "limit", outcome.kind()).increment();
		}
		TokenBuckets.Decision decision = outcome.decision();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
		return ProblemResponses.write(exchange, ProblemType.RATE_LIMITED,
				"Too many requests for this " + outcome.kind() + ": at most " + decision.limit()
						+ " at once, then as many as the limit refills; try again in " + decision.retryAfterSeconds()
						+ " s (Retry-After).",
				headers);
	}

	/**
	 * The address the gateway resolved ({@code ClientAddressWebFilter}); an IPv6 one by its /64, since one subscriber
	 * usually holds a whole /64 and could otherwise take a fresh bucket with every request.
	 */
	static String addressKey(ServerWebExchange exchange) {
		String address = exchange.getRequest().getHeaders().getFirst(ClientAddress.HEADER);
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			// A literal (ClientAddressWebFilter accepts nothing else), so nothing is looked up.
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == 16 ? prefix64(bytes) : InetAddress.getByAddress(bytes).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static String prefix64(byte[] bytes) {
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < 8; i += 2) {
			prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
		}
		return prefix.append(":/64").toString();
	}

	private record Outcome(String kind, TokenBuckets.Decision decision) {

		boolean allowed() {
			return decision.allowed();
		}
	}
}
