package dev.hitter.kit.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception a controller lets escape into RFC 9457 problem+json with a HITTER type URI.
 * Unexpected exceptions are logged with their stack trace here and answered without one.
 */
@RestControllerAdvice
// Before any other advice (Boot's own ProblemDetails handler among them), so every error has our shape.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> handleApiException(ApiException ex, HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		// Whole seconds, at least one, as the header wants them.
		ex.retryAfter()
			.ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
		return respond(Problems.of(ex.type(), ex.getMessage(), request.getRequestURI(), ex.fieldProblems(),
				ex.properties()), headers);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return respond(Problems.of(ProblemType.VALIDATION_FAILED, summary(errors), request.getRequestURI(), errors,
				Map.of()), new HttpHeaders());
	}

	// Method security throws these after the security filters ran; they must not become 500s.
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
		return respond(Problems.of(ProblemType.FORBIDDEN, "You are not allowed to do this.", request.getRequestURI()),
				new HttpHeaders());
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, HttpServletRequest request) {
		return respond(Problems.of(ProblemType.UNAUTHORIZED, "A valid access token is required.",
				request.getRequestURI()), new HttpHeaders());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(Problems.of(ProblemType.INTERNAL_ERROR,
				"The request failed on our side. Quote the requestId when you report it.", request.getRequestURI()),
				new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
		return respond(translate(ex, statusCode, path), headers);
	}

	private ProblemDetail translate(Exception ex, HttpStatusCode status, String path) {
		if (ex instanceof MethodArgumentNotValidException invalid) {
			List<FieldProblem> errors = fieldProblems(invalid.getBindingResult());
			return Problems.of(ProblemType.VALIDATION_FAILED, summary(errors), path, errors, Map.of());
		}
		if (ex instanceof HandlerMethodValidationException invalid) {
			List<FieldProblem> errors = invalid.getParameterValidationResults()
				.stream()
				.flatMap(result -> result.getResolvableErrors()
					.stream()
					.map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
							error.getDefaultMessage())))
				.toList();
			return Problems.of(ProblemType.VALIDATION_FAILED, summary(errors), path, errors, Map.of());
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return Problems.of(ProblemType.MALFORMED_REQUEST,
					"The request body is not valid JSON of the expected shape.", path);
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return fieldProblem(missing.getParameterName(), "is required", path);
		}
		if (ex instanceof MissingServletRequestPartException missing) {
			return fieldProblem(missing.getRequestPartName(), "is required", path);
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String field = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "parameter";
			return fieldProblem(field, "has the wrong format", path);
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The upload is larger than this service accepts.", path);
		}
		if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
			return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
					"Content type " + unsupported.getContentType() + " is not supported here.", path);
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return Problems.of(ProblemType.NOT_ACCEPTABLE, "This resource cannot be represented as requested.", path);
		}
		if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
			return Problems.of(ProblemType.METHOD_NOT_ALLOWED,
					"Method " + unsupported.getMethod() + " is not allowed here.", path);
		}
		if (ex instanceof NoResourceFoundException) {
			return Problems.of(ProblemType.NOT_FOUND, "There is nothing at this address.", path);
		}
		ProblemType type = ProblemType.forStatus(status.value());
		return Problems.of(type, type.title() + ".", path);
	}

	private static ProblemDetail fieldProblem(String field, String detail, String path) {
		List<FieldProblem> errors = List.of(new FieldProblem(field, detail));
		return Problems.of(ProblemType.VALIDATION_FAILED, summary(errors), path, errors, Map.of());
	}

	private static List<FieldProblem> fieldProblems(BindingResult result) {
		List<FieldProblem> errors = new ArrayList<>();
		result.getFieldErrors().forEach(e -> errors.add(new FieldProblem(e.getField(), e.getDefaultMessage())));
		result.getGlobalErrors().forEach(e -> errors.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
		return errors;
	}

	private static String summary(List<FieldProblem> errors) {
		if (errors.isEmpty()) {
			return "The request is invalid.";
		}
		FieldProblem first = errors.get(0);
		String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
		return first.field() + " " + first.detail() + more + ".";
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
