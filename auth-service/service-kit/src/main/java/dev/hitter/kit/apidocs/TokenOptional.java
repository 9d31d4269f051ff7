package dev.hitter.kit.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public operation (one of {@code hitter.security.public-paths}) that still reads a bearer token when one comes,
 * e.g. published audio, which a browser's audio element fetches with a ticket instead. The document then lists both:
 * {@code security: [{bearer: []}, {}]}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TokenOptional {
}
