package dev.hitter.prediction.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import dev.hitter.prediction.analysis.AnalysisProperties;

/** The fair-share settings bind with their defaults, and a nonsensical one stops the start by name. */
class FairShareSettingsTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void givesEachMemberHalfTheSlotsAndFourGigabytesStagedByDefault() {
		context.withPropertyValues("hitter.prediction.max-concurrent-analyses=6").run(started -> {
			assertThat(started.getBean(AnalysisProperties.class).analysesPerMember()).isEqualTo(3);
			assertThat(started.getBean(JobProperties.class).maxStagedBytesPerMember())
				.isEqualTo(DataSize.ofGigabytes(4));
		});
		context.withPropertyValues("hitter.prediction.max-concurrent-analyses=1")
			.run(started -> assertThat(started.getBean(AnalysisProperties.class).analysesPerMember()).isEqualTo(1));
	}

	@Test
	void refusesNoStagedBytesByName() {
		context.withPropertyValues("hitter.prediction.jobs.max-staged-bytes-per-member=0B")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("max-staged-bytes-per-member"));
	}

	@Test
	void refusesANegativeShareByName() {
		context.withPropertyValues("hitter.prediction.max-concurrent-analyses-per-member=-1")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("maxConcurrentAnalysesPerMember"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AnalysisProperties.class, JobProperties.class })
	static class Settings {
	}
}
