package dev.hitter.kit.firewall;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.problem.Problems;
import tools.jackson.databind.ObjectMapper;

/** Answers a request the firewall refused as the malformed-request problem; the firewall's reason goes to the log. */
class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

	private final ObjectMapper objectMapper;

	ProblemRequestRejectedHandler(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException rejected) throws IOException {
		log.debug("Firewall refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
		// Not the firewall's message as detail: it quotes the hostile input back.
		ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST,
				"The request's path or headers are not allowed: send a normalised path without encoded slashes.",
				request.getRequestURI());
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		objectMapper.writeValue(response.getOutputStream(), problem);
	}
}
