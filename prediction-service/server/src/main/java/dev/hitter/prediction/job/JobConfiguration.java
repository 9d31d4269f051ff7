package dev.hitter.prediction.job;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hitter.prediction.job.webhook.WebhookAddressPolicy;
import dev.hitter.prediction.job.webhook.WebhookBackoff;
import dev.hitter.prediction.job.webhook.WebhookSender;

/** The webhook parts, made from {@link JobProperties}. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

	@Bean
	WebhookAddressPolicy webhookAddressPolicy(JobProperties properties) {
		return new WebhookAddressPolicy(properties.webhook().allowPrivateAddresses(),
				properties.webhook().allowedTargets().stream().filter(t -> !t.isBlank()).toList());
	}

	@Bean
	WebhookSender webhookSender(WebhookAddressPolicy policy, JobProperties properties) {
		return new WebhookSender(policy, properties.webhook().timeout());
	}

	@Bean
	WebhookBackoff webhookBackoff(JobProperties properties) {
		JobProperties.Webhook webhook = properties.webhook();
		return new WebhookBackoff(webhook.firstRetry(), webhook.maxRetryDelay(), webhook.maxAttempts());
	}
}
