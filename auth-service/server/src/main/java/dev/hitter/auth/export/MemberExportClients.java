package dev.hitter.auth.export;

import java.util.UUID;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.hitter.kit.internal.InternalClientConfiguration;
import feign.Response;

/** The other services' parts of a member's data, read with auth-service's own service token. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = { MemberExportClients.Prediction.class, MemberExportClients.Community.class })
class MemberExportClients {

	/** The raw answer: its body is copied to a file as it comes, never held in memory whole. */
	@FeignClient(name = "prediction-member-export", url = "${hitter.internal.prediction-url:http://127.0.0.1:8083}",
			configuration = InternalClientConfiguration.class)
	interface Prediction {

		@GetMapping("/internal/v1/members/{id}/export")
		Response export(@PathVariable("id") UUID member);
	}

	@FeignClient(name = "community-member-export", url = "${hitter.internal.community-url:http://127.0.0.1:8082}",
			configuration = InternalClientConfiguration.class)
	interface Community {

		@GetMapping("/internal/v1/members/{id}/export")
		Response export(@PathVariable("id") UUID member);
	}
}
