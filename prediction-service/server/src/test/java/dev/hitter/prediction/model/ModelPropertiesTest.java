package dev.hitter.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import dev.hitter.models.Genre;

/** The model settings bind with their defaults, and a wrong one stops the start with its name in the message. */
class ModelPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void servesEveryGenreWithAPredictorPerCoreByDefault() {
		context.withPropertyValues("hitter.models.root=models").run(started -> {
			ModelProperties properties = started.getBean(ModelProperties.class);
			assertThat(properties.root()).isEqualTo(Path.of("models"));
			assertThat(properties.reloadInterval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.registrySettings().genres()).containsExactly(Genre.values());
			assertThat(properties.registrySettings().poolSize()).isEqualTo(Runtime.getRuntime().availableProcessors());
		});
	}

	@Test
	void bindsGenresPoolAndTimeouts() {
		context.withPropertyValues("hitter.models.root=models", "hitter.models.genres=POP,DANCE",
				"hitter.models.pool-size=3", "hitter.models.borrow-timeout=2s", "hitter.models.natives=/opt/tf")
			.run(started -> {
				ModelProperties properties = started.getBean(ModelProperties.class);
				assertThat(properties.registrySettings().genres()).containsExactly(Genre.POP, Genre.DANCE);
				assertThat(properties.registrySettings().poolSize()).isEqualTo(3);
				assertThat(properties.registrySettings().borrowTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.nativesFolder()).isEqualTo(Path.of("/opt/tf"));
			});
	}

	@Test
	void refusesANegativePoolSizeByName() {
		context.withPropertyValues("hitter.models.root=models", "hitter.models.pool-size=-1")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("hitter.models")
				.hasMessageContaining("poolSize"));
	}

	@Test
	void refusesAMissingModelsFolderSetting() {
		context.run(started -> assertThat(started).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("root"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ModelProperties.class)
	static class Settings {
	}
}
