package dev.hitter.kit.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.problem.Problems;
import tools.jackson.databind.ObjectMapper;

/** Answers 401 and 403 from the security filters in the same problem+json shape as controllers do. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ObjectMapper objectMapper;

	ProblemAuthenticationEntryPoint(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		write(response, Problems.of(ProblemType.UNAUTHORIZED,
				"A valid access token is required: sign in and send it as 'Authorization: Bearer <token>'.",
				request.getRequestURI()));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Object missingScope = request.getAttribute(ClientScopeRules.REFUSED_ATTRIBUTE);
		if (missingScope instanceof String scope) {
			// RFC 6750: a tool that knows OAuth reads what to ask for from the header; the problem says it for people.
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, scope.isEmpty()
					? "Bearer error=\"insufficient_scope\""
					: "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\"");
			write(response, Problems.of(ProblemType.INSUFFICIENT_SCOPE, scope.isEmpty()
					? "API clients cannot call this operation: only the member, signed in themselves, can."
					: "This API client's token lacks the scope '" + scope + "': ask for a token with it.",
					request.getRequestURI()));
			return;
		}
		write(response, Problems.of(ProblemType.FORBIDDEN, "You are not allowed to do this.", request.getRequestURI()));
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		objectMapper.writeValue(response.getOutputStream(), problem);
	}
}
