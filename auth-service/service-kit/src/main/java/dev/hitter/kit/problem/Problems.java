package dev.hitter.kit.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;

import dev.hitter.kit.requestid.RequestId;

/** Builds every problem body the same way, so a client parses one shape from every service. */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(ProblemType type, String detail, String path) {
		return of(type, detail, path, List.of(), Map.of());
	}

	// A path Tomcat refused may not even be a URI: then the problem names no instance rather than failing.
	private static URI instance(String path) {
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public static ProblemDetail of(ProblemType type, String detail, String path, List<FieldProblem> errors,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		if (path != null) {
			problem.setInstance(instance(path));
		}
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		properties.forEach(problem::setProperty);
		String requestId = MDC.get(RequestId.MDC_KEY);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}
}
