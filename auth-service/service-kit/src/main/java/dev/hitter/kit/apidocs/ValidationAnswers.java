package dev.hitter.kit.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation whose parameters or body are checked.
 * Adds the 400 problem answer to the API document (on a controller: to each of its operations) unless the
 * operation documents its own 400.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface ValidationAnswers {

	/** What the answer means here, starting with its problem type. */
	String value() default "validation-failed: a field is invalid (`errors` names each), "
			+ "or malformed-request: the body could not be read";
}
