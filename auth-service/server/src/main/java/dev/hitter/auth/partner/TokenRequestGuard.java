package dev.hitter.auth.partner;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before Spring Authorization Server looks at them, token requests no honest tool sends, with RFC 6749's
 * {@code invalid_request}: a form larger than any real request (a megabyte of repeated scopes would otherwise be
 * parsed, split and granted), and a secret both in the Authorization header and in the form — RFC 6749 §2.3 allows
 * one client authentication method per request, and Spring Authorization Server would silently take the header's.
 */
final class TokenRequestGuard extends OncePerRequestFilter {

	/** A real request is grant_type, a few scopes and at most a client id and secret: well under this. */
	static final int MAX_FORM_CHARACTERS = 2048;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_FORM_CHARACTERS * 4L) {
			refuse(response, "The request is too large.");
			return;
		}
		long characters = 0;
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			characters += parameter.getKey().length();
			for (String value : parameter.getValue()) {
				characters += value.length();
			}
		}
		if (characters > MAX_FORM_CHARACTERS) {
			refuse(response, "The request is too large.");
			return;
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
				&& (request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
						|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null)) {
			refuse(response, "Authenticate the client one way: the Authorization header or the form, not both.");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * A request that named no client credentials at all (only a client id, say): RFC 6749's {@code invalid_client},
	 * as for wrong ones, instead of a bare 401 an OAuth2 client library could not read.
	 */
	static void noClientCredentials(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException ignored) throws IOException {
		write(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_client", "Client authentication failed.");
	}

	private static void refuse(HttpServletResponse response, String description) throws IOException {
		write(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request", description);
	}

	private static void write(HttpServletResponse response, int status, String error, String description)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (status == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hitter\"");
		}
		response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
	}
}
