package dev.hitter.gateway.health;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import dev.hitter.gateway.EdgeProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway is healthy only when every service behind it says it is ready: a green gateway means the
 * whole system answers.
 */
@Component("services")
class ServicesReadiness implements ReactiveHealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(ServicesReadiness.class);

	private final EdgeProperties properties;

	private final WebClient client;

	private final AtomicReference<Map<String, String>> lastStates = new AtomicReference<>(Map.of());

	ServicesReadiness(EdgeProperties properties, WebClient.Builder builder) {
		this.properties = properties;
		this.client = builder.build();
	}

	@Override
	public Mono<Health> health() {
		return Flux.fromIterable(properties.services().entrySet())
			.flatMap(service -> readiness(service.getKey(), service.getValue()))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(states -> {
				boolean allUp = states.values().stream().allMatch("UP"::equals);
				reportChange(new TreeMap<>(states));
				return (allUp ? Health.up() : Health.down()).withDetails(Map.copyOf(states)).build();
			});
	}

	// The public health answer names no service; the operator finds here which one is not ready, once per change.
	private void reportChange(Map<String, String> states) {
		Map<String, String> before = lastStates.getAndSet(states);
		if (!states.equals(before)) {
			if (states.values().stream().allMatch("UP"::equals)) {
				log.info("Every service is ready: {}", states);
			}
			else {
				log.warn("Not every service is ready: {}", states);
			}
		}
	}

	private Mono<Map.Entry<String, String>> readiness(String name, URI baseUrl) {
		// The probe path on the service's API port, whichever port its other operations endpoints are on.
		return client.get()
			.uri(baseUrl.resolve("/readyz"))
			.retrieve()
			.bodyToMono(Map.class)
			.map(body -> String.valueOf(body.get("status")))
			.timeout(properties.readinessTimeout())
			.onErrorReturn("DOWN")
			.map(status -> Map.entry(name, status));
	}
}
