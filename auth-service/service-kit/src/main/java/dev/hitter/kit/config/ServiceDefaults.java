package dev.hitter.kit.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the operational defaults every service shares (probes, metrics, logging pattern, JPA and Flyway
 * habits) with the lowest precedence, so a service's own application.yml or an environment variable
 * still overrides any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

	static final String RESOURCE = "hitter-service-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// The gateway (reactive) borrows the kit's token rules but has operational settings of its own.
		if (application.getWebApplicationType() != WebApplicationType.SERVLET) {
			return;
		}
		try {
			new PropertiesPropertySourceLoader().load("hitterServiceDefaults", new ClassPathResource(RESOURCE))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}
}
