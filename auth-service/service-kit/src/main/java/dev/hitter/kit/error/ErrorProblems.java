package dev.hitter.kit.error;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.problem.Problems;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem for an error answer that no controller advice shaped: a status and nothing else we may repeat. Only
 * a fixed sentence per status goes out, never the exception's message (it may quote the hostile input or name a
 * class) nor a stack trace.
 */
final class ErrorProblems {

	// The mixin puts extra properties (requestId) at the top level, as Spring MVC's converter does.
	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private ErrorProblems() {
	}

	static ProblemType typeFor(int status) {
		// A request that reaches no controller and is refused with 400 was unreadable (a cookie header over
		// Tomcat's limit, a path that is not UTF-8, a broken request line): no field is at fault.
		return status == 400 ? ProblemType.MALFORMED_REQUEST : ProblemType.forStatus(status);
	}

	static ProblemDetail forStatus(int status, String path) {
		ProblemType type = typeFor(status);
		ProblemDetail problem = Problems.of(type, detail(type), path);
		// The type's own status stands for the family (a 414 is a "malformed request"), the answer keeps the real one.
		problem.setStatus(status);
		return problem;
	}

	static void write(ProblemDetail problem, OutputStream out) throws IOException {
		MAPPER.writeValue(out, problem);
	}

	private static String detail(ProblemType type) {
		return switch (type.slug()) {
			case "malformed-request" -> "The request could not be read: check its line, headers and cookies.";
			case "not-found" -> "No such resource.";
			case "method-not-allowed" -> "This method is not allowed here.";
			case "payload-too-large" -> "The request is larger than allowed.";
			case "unsupported-media-type" -> "This content type is not supported here.";
			case "not-acceptable" -> "No acceptable representation.";
			case "internal-error" -> "Something went wrong on our side; retry later.";
			default -> type.title() + ".";
		};
	}
}
