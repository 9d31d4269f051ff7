package dev.hitter.auth.prediction;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hitter.kit.internal.InternalCallFailures;
import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.outbox.OutboxHandler;
import dev.hitter.kit.outbox.OutboxMessage;
import feign.FeignException;
import tools.jackson.databind.ObjectMapper;

/** Delivers {@link PredictionMemberEvents}' messages to prediction-service's member hooks. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = PredictionMemberHooks.class)
class PredictionMemberDelivery {

	@Bean
	OutboxHandler memberEraseDelivery(PredictionMemberHooks prediction, ObjectMapper json, ServiceTokens tokens) {
		return new OutboxHandler() {
			@Override
			public String type() {
				return PredictionMemberEvents.ERASE;
			}

			@Override
			public void deliver(OutboxMessage message) throws Exception {
				var payload = json.readValue(message.payload(), PredictionMemberEvents.EraseMessage.class);
				try {
					prediction.erase(payload.memberId());
				}
				catch (FeignException failure) {
					throw InternalCallFailures.classify(failure, tokens);
				}
			}
		};
	}
}
