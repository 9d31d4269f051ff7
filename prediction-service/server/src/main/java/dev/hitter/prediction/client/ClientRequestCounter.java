package dev.hitter.prediction.client;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hitter.kit.security.Member;

/**
 * Counts each request a partner client's token makes to this service. A servlet filter of the default order, so it
 * runs after the security filter chain: the token has been checked (a forged client id is never counted) and the
 * request was let through — a request refused for its scope is not counted.
 */
@Component
class ClientRequestCounter extends OncePerRequestFilter {

	private final ClientUsage usage;

	ClientRequestCounter(ClientUsage usage) {
		this.usage = usage;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			String client = Member.clientIdOf(token.getToken());
			if (client != null && token.getToken().getSubject() != null) {
				UUID member = parse(token.getToken().getSubject());
				if (member != null) {
					usage.request(member, client);
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static UUID parse(String subject) {
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
