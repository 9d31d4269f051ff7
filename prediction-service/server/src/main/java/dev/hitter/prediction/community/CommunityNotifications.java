package dev.hitter.prediction.community;

import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import dev.hitter.kit.internal.InternalClientConfiguration;

/** community-service's internal notification endpoint, called with prediction-service's own service token. */
@FeignClient(name = "community-notifications", url = "${hitter.internal.community-url:http://127.0.0.1:8082}",
		configuration = InternalClientConfiguration.class)
interface CommunityNotifications {

	/** @param id the outbox message's id: community stores the notification under it, once */
	record RaisedNotification(UUID id, UUID recipientId, String kind, UUID actorId, String actorName,
			UUID predictionId) {
	}

	@PostMapping("/internal/v1/notifications")
	void raise(@RequestBody RaisedNotification notification);
}
