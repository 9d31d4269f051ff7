package dev.hitter.kit.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation that names a resource which may not exist, or not be the caller's.
 * Adds the 404 problem answer to the API document (on a controller: to each of its operations) unless the
 * operation documents its own 404.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface NotFoundAnswer {

	/** What the answer means here, starting with its problem type. */
	String value() default "not-found: no such resource (or not yours: another member's is answered the same)";
}
