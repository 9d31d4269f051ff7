package dev.hitter.kit.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation refused when the resource's state does not allow it.
 * Adds the 409 problem answer to the API document (on a controller: to each of its operations) unless the
 * operation documents its own 409.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface ConflictAnswer {

	/** What the answer means here, starting with its problem type, e.g. {@code "last-administrator: …"}. */
	String value();
}
