package dev.hitter.auth.prediction;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.outbox.InternalDelivery;
import dev.hitter.kit.outbox.OutboxHandler;
import tools.jackson.databind.ObjectMapper;

/** Delivers {@link PredictionMemberEvents}' messages to prediction-service's member hooks. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = PredictionMemberHooks.class)
class PredictionMemberDelivery {

	@Bean
	OutboxHandler memberEraseDelivery(PredictionMemberHooks prediction, ObjectMapper json, ServiceTokens tokens) {
		return InternalDelivery.of(PredictionMemberEvents.ERASE, PredictionMemberEvents.EraseMessage.class, json, tokens,
				(id, payload) -> prediction.erase(payload.memberId()));
	}
}
