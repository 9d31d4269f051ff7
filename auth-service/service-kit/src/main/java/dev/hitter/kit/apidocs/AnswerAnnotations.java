package dev.hitter.kit.apidocs;

import java.lang.annotation.Annotation;
import java.util.function.Function;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Turns the answer annotations ({@link NotFoundAnswer}, {@link ValidationAnswers}, {@link ConflictAnswer},
 * {@link ForbiddenAnswer}) of a handler method or its controller into problem answers of the operation. An
 * {@code @ApiResponse} of the same status on the method wins.
 */
final class AnswerAnnotations implements OperationCustomizer {

	/** Marks a {@link TokenOptional} operation for {@link ApiContractCustomizer}, which removes the mark. */
	static final String TOKEN_OPTIONAL = "x-hitter-token-optional";

	/** The operation's controller, for {@link ApiContractCustomizer} to name operations apart; removed there too. */
	static final String CONTROLLER = "x-hitter-controller";

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		add(operation, handler, ValidationAnswers.class, 400, ValidationAnswers::value);
		add(operation, handler, ForbiddenAnswer.class, 403, ForbiddenAnswer::value);
		add(operation, handler, NotFoundAnswer.class, 404, NotFoundAnswer::value);
		add(operation, handler, ConflictAnswer.class, 409, ConflictAnswer::value);
		if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), TokenOptional.class)) {
			operation.addExtension(TOKEN_OPTIONAL, true);
		}
		operation.addExtension(CONTROLLER, handler.getBeanType().getSimpleName().replaceFirst("Controller$", ""));
		return operation;
	}

	private static <A extends Annotation> void add(Operation operation, HandlerMethod handler, Class<A> type,
			int status, Function<A, String> description) {
		A annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
		}
		if (annotation != null) {
			operation.getResponses()
				.putIfAbsent(String.valueOf(status), ProblemAnswers.answer(status, description.apply(annotation)));
		}
	}
}
