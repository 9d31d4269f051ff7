package dev.hitter.community.snapshot;

import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * prediction-service's analysis resource, as the member sees it: the call carries the member's own access token, so
 * prediction-service answers exactly what that member may see ({@code ownedByMe} included). The token is a
 * parameter rather than taken from the security context in an interceptor, because the call runs on a
 * Resilience4j thread, where the request's security context is not.
 */
@FeignClient(name = "prediction-service", url = "${hitter.community.prediction.url:http://127.0.0.1:8083}",
		configuration = PredictionClientConfiguration.class)
interface PredictionClient {

	@GetMapping("/api/v1/predictions/{id}")
	PredictionAnswer prediction(@PathVariable("id") UUID id,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization);
}
