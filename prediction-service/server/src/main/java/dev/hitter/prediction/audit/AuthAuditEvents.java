package dev.hitter.prediction.audit;

import java.time.Instant;
import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import dev.hitter.kit.internal.InternalClientConfiguration;

/** auth-service's internal audit endpoint, called with prediction-service's own service token. */
@FeignClient(name = "auth-audit-events", url = "${hitter.internal.auth-url:http://127.0.0.1:8081}",
		configuration = InternalClientConfiguration.class)
interface AuthAuditEvents {

	/** @param id the outbox message's id: auth-service records the event under it, once */
	record SentEvent(UUID id, String kind, UUID memberId, UUID actorId, String detail, Instant occurredAt) {
	}

	@PostMapping("/internal/v1/audit-events")
	void record(@RequestBody SentEvent event);
}
