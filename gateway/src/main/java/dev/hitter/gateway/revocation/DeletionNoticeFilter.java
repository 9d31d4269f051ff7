package dev.hitter.gateway.revocation;

import java.util.UUID;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.hitter.kit.revocation.RevokedMembers;
import reactor.core.publisher.Mono;

/**
 * When this gateway forwards a successful {@code DELETE /api/v1/auth/me}, the member's tokens are refused here from
 * that moment, before the next poll of the revocation feed (which brings the same decision to every replica).
 */
@Component
class DeletionNoticeFilter implements GlobalFilter, Ordered {

	private static final String DELETE_ME = "/api/v1/auth/me";

	private final RevokedMembers revoked;

	DeletionNoticeFilter(RevokedMembers revoked) {
		this.revoked = revoked;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!HttpMethod.DELETE.equals(exchange.getRequest().getMethod())
				|| !DELETE_ME.equals(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal().map(principal -> principal instanceof JwtAuthenticationToken jwt
				? jwt.getToken().getSubject() : "").defaultIfEmpty("").flatMap(subject -> {
					exchange.getResponse().beforeCommit(() -> {
						HttpStatusCode status = exchange.getResponse().getStatusCode();
						if (status != null && status.is2xxSuccessful() && !subject.isEmpty()) {
							revoked.apply(UUID.fromString(subject), null);
						}
						return Mono.empty();
					});
					return chain.filter(exchange);
				});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
