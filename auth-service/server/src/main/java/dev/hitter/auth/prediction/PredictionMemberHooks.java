package dev.hitter.auth.prediction;

import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dev.hitter.kit.internal.InternalClientConfiguration;

/** prediction-service's internal member hooks, called with auth-service's own service token. */
@FeignClient(name = "prediction-member-hooks", url = "${hitter.internal.prediction-url:http://127.0.0.1:8083}",
		configuration = InternalClientConfiguration.class)
interface PredictionMemberHooks {

	@PostMapping("/internal/v1/members/{id}/erase")
	void erase(@PathVariable("id") UUID member);
}
