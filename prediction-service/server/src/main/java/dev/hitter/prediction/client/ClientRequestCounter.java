package dev.hitter.prediction.client;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.hitter.kit.security.Member;

/**
 * Counts each request a partner client's token makes to this service. A servlet filter of the default order, so it
 * runs after the security filter chain: the token has been checked (a forged client id is never counted). A request
 * the chain refuses (403 insufficient-scope) never reaches the filter; it is counted from Spring Security's
 * authorization-denied event instead, so that a client sees its refused calls in its usage too.
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
		count(SecurityContextHolder.getContext().getAuthentication());
		chain.doFilter(request, response);
	}

	/** A request the security chain refused; an error page's own authorization is not another request. */
	@EventListener
	void refused(AuthorizationDeniedEvent<?> event) {
		if (event.getObject() instanceof HttpServletRequest request
				&& request.getDispatcherType() == DispatcherType.REQUEST) {
			count(event.getAuthentication().get());
		}
	}

	private void count(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			String client = Member.clientIdOf(token.getToken());
			UUID member = parse(token.getToken().getSubject());
			if (client != null && member != null) {
				usage.request(member, client);
			}
		}
	}

	private static UUID parse(String subject) {
		if (subject == null) {
			return null;
		}
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
