package dev.hitter.kit.problem;

import java.util.List;
import java.util.Map;

/**
 * An error the caller can act on. Feature code throws it (or a subclass) and the
 * {@link ProblemExceptionHandler} turns it into problem+json; nothing else needs to know HTTP.
 */
public class ApiException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldProblem> fieldProblems;

	private final Map<String, Object> properties;

	public ApiException(ProblemType type, String detail) {
		this(type, detail, List.of(), Map.of());
	}

	public ApiException(ProblemType type, String detail, List<FieldProblem> fieldProblems) {
		this(type, detail, fieldProblems, Map.of());
	}

	public ApiException(ProblemType type, String detail, List<FieldProblem> fieldProblems,
			Map<String, Object> properties) {
		super(detail);
		this.type = type;
		this.fieldProblems = List.copyOf(fieldProblems);
		this.properties = Map.copyOf(properties);
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
}
