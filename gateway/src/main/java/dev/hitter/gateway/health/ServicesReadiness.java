package dev.hitter.gateway.health;

import java.net.URI;
import java.util.Map;

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

	private final EdgeProperties properties;

	private final WebClient client;

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
				return (allUp ? Health.up() : Health.down()).withDetails(Map.copyOf(states)).build();
			});
	}

	private Mono<Map.Entry<String, String>> readiness(String name, URI baseUrl) {
		return client.get()
			.uri(baseUrl.resolve("/actuator/health/readiness"))
			.retrieve()
			.bodyToMono(Map.class)
			.map(body -> String.valueOf(body.get("status")))
			.timeout(properties.readinessTimeout())
			.onErrorReturn("DOWN")
			.map(status -> Map.entry(name, status));
	}
}
