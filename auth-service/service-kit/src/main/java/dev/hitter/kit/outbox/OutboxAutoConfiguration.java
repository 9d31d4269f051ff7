package dev.hitter.kit.outbox;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import tools.jackson.databind.ObjectMapper;

/**
 * The outbox of a service that tells others something (it has {@link OutboxHandler}s and an {@code outbox_message}
 * table from its own migration): {@link Outbox} to enqueue, {@link OutboxRelay} to deliver.
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class,
		afterName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnClass(value = JdbcClient.class, name = "io.github.resilience4j.circuitbreaker.CircuitBreaker")
@ConditionalOnBean({ JdbcClient.class, OutboxHandler.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

	@Bean
	Outbox outbox(JdbcClient jdbc, ObjectMapper json, ObjectProvider<Clock> clock) {
		return new Outbox(jdbc, json, clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * {@code hitter.outbox.pending} (waiting, also while a destination is down: it should come back to 0) and
	 * {@code hitter.outbox.given.up} (refused for good: any is worth a look). One COUNT per scrape each.
	 */
	@Bean
	MeterBinder outboxMetrics(Outbox outbox) {
		return registry -> {
			Gauge.builder("hitter.outbox.pending", outbox, o -> count(o::pending))
				.description("Outbox messages not yet delivered")
				.register(registry);
			Gauge.builder("hitter.outbox.given.up", outbox, o -> count(o::givenUp))
				.description("Outbox messages their destination refused for good")
				.register(registry);
		};
	}

	private static double count(java.util.function.LongSupplier query) {
		try {
			return query.getAsLong();
		}
		catch (RuntimeException databaseAway) {
			return Double.NaN;
		}
	}

	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions, List<OutboxHandler> handlers,
			OutboxProperties properties, ObjectProvider<Clock> clock) {
		return new OutboxRelay(jdbc, new TransactionTemplate(transactions), handlers, properties,
				clock.getIfAvailable(Clock::systemUTC));
	}
}
