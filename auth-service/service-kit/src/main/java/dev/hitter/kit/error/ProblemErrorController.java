package dev.hitter.kit.error;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's BasicErrorController: whatever reaches the error page (a servlet container refusal such as
 * too many cookies, an exception thrown in a filter, a sendError) answers problem+json with a stable type,
 * whatever the client accepts.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

	@RequestMapping
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = status(request);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		ProblemDetail problem = ErrorProblems.forStatus(status,
				path instanceof String original ? original : request.getRequestURI());
		response.setStatus(status);
		// Written by hand: a converter would refuse an Accept without JSON, and the error page must not fail.
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		ErrorProblems.write(problem, response.getOutputStream());
	}

	private static int status(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (status instanceof Integer code && code >= 400) {
			return code;
		}
		// Someone asked for /error directly: there is nothing there.
		return status == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
	}
}
