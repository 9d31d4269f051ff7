package dev.hitter.prediction.community;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.outbox.InternalDelivery;
import dev.hitter.kit.outbox.OutboxHandler;
import dev.hitter.prediction.history.AnalysisLikeNotices;
import tools.jackson.databind.ObjectMapper;

/** Delivers {@link AnalysisLikeNotices}' messages to community-service as {@code ANALYSIS_LIKE} notifications. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = CommunityNotifications.class)
class AnalysisLikeDelivery {

	@Bean
	OutboxHandler analysisLikeNotificationDelivery(CommunityNotifications community, ObjectMapper json, ServiceTokens tokens) {
		return InternalDelivery.of(AnalysisLikeNotices.TYPE, AnalysisLikeNotices.AnalysisLiked.class, json, tokens,
				(id, liked) -> community.raise(new CommunityNotifications.RaisedNotification(id, liked.recipientId(),
						"ANALYSIS_LIKE", liked.actorId(), liked.actorName(), liked.predictionId())));
	}
}
