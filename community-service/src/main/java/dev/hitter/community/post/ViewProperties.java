package dev.hitter.community.post;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How reads of posts are counted.
 *
 * @param flushInterval how often the views counted in memory are added to the database ({@code HITTER_COMMUNITY_VIEWS_FLUSH});
 *     a read never writes, so a busy post costs one UPDATE per interval instead of one per reader. A crash loses at
 *     most this long's views.
 */
@Validated
@ConfigurationProperties("hitter.community.views")
public record ViewProperties(@NotNull @DefaultValue("10s") Duration flushInterval) {
}
