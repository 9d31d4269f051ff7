package dev.hitter.kit.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation only some members may call (e.g. administrators): says who, beyond the shared 403 of every
 * secured operation.
 * Adds the 403 problem answer to the API document (on a controller: to each of its operations) unless the
 * operation documents its own 403.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface ForbiddenAnswer {

	/** What the answer means here, starting with its problem type, e.g. {@code "last-administrator: …"}. */
	String value();
}
