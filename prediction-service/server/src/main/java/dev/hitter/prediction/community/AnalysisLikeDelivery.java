package dev.hitter.prediction.community;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import dev.hitter.kit.internal.InternalCallFailures;
import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.outbox.OutboxHandler;
import dev.hitter.kit.outbox.OutboxMessage;
import dev.hitter.prediction.history.AnalysisLikeNotices;
import feign.FeignException;
import tools.jackson.databind.ObjectMapper;

/** Delivers {@link AnalysisLikeNotices}' messages to community-service as {@code ANALYSIS_LIKE} notifications. */
@Component
class AnalysisLikeDelivery implements OutboxHandler {

	private final CommunityNotifications community;

	private final ObjectMapper json;

	private final ServiceTokens tokens;

	AnalysisLikeDelivery(CommunityNotifications community, ObjectMapper json, ServiceTokens tokens) {
		this.community = community;
		this.json = json;
		this.tokens = tokens;
	}

	@Override
	public String type() {
		return AnalysisLikeNotices.TYPE;
	}

	@Override
	public void deliver(OutboxMessage message) {
		AnalysisLikeNotices.AnalysisLiked liked = json.readValue(message.payload(), AnalysisLikeNotices.AnalysisLiked.class);
		try {
			community.raise(new CommunityNotifications.RaisedNotification(message.id(), liked.recipientId(),
					"ANALYSIS_LIKE", liked.actorId(), liked.actorName(), liked.predictionId()));
		}
		catch (FeignException failure) {
			throw InternalCallFailures.classify(failure, tokens);
		}
	}

	/** The internal clients of prediction-service. */
	@Configuration(proxyBeanMethods = false)
	@EnableFeignClients(clients = CommunityNotifications.class)
	static class Clients {
	}
}
