package dev.hitter.kit.problem;

/** One field at fault in a request, named as the client sent it (JSON property or form part). */
public record FieldProblem(String field, String detail) {
}
