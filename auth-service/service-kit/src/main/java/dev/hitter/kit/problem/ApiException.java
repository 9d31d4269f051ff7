package dev.hitter.kit.problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An error the caller can act on. Feature code throws it (or a subclass) and the
 * {@link ProblemExceptionHandler} turns it into problem+json; nothing else needs to know HTTP.
 */
public class ApiException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldProblem> fieldProblems;

	private final Map<String, Object> properties;

	private final Duration retryAfter;

	public ApiException(ProblemType type, String detail) {
		this(type, detail, List.of(), Map.of());
	}

	/** A refusal for lack of capacity: answered with {@code Retry-After} so that clients back off. */
	public ApiException(ProblemType type, String detail, Duration retryAfter) {
		this(type, detail, List.of(), Map.of(), retryAfter);
	}

	public ApiException(ProblemType type, String detail, List<FieldProblem> fieldProblems) {
		this(type, detail, fieldProblems, Map.of());
	}

	public ApiException(ProblemType type, String detail, List<FieldProblem> fieldProblems,
			Map<String, Object> properties) {
		this(type, detail, fieldProblems, properties, null);
	}

	private ApiException(ProblemType type, String detail, List<FieldProblem> fieldProblems,
			Map<String, Object> properties, Duration retryAfter) {
		super(detail);
		this.type = type;
		this.fieldProblems = List.copyOf(fieldProblems);
		this.properties = Map.copyOf(properties);
		this.retryAfter = retryAfter;
	}

	/** A single field at fault, the common case for validation done in code. */
	public static ApiException forField(ProblemType type, String field, String detail) {
		return new ApiException(type, detail, List.of(new FieldProblem(field, detail)));
	}

	public ProblemType type() {
		return type;
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

	public Map<String, Object> properties() {
		return properties;
	}

	/** When the client may try again, for refusals that are about capacity rather than the request. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}
}
