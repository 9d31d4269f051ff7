package dev.hitter.auth.community;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.cloud.openfeign.EnableFeignClients;

import dev.hitter.kit.internal.InternalCallFailures;
import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.outbox.OutboxHandler;
import feign.FeignException;
import tools.jackson.databind.ObjectMapper;

/** Delivers {@link CommunityMemberEvents}' messages to community-service's member hooks. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = CommunityMemberHooks.class)
class CommunityMemberDelivery {

	@Bean
	OutboxHandler memberRenamedDelivery(CommunityMemberHooks community, ObjectMapper json, ServiceTokens tokens) {
		return handler(CommunityMemberEvents.RENAMED, message -> {
			var payload = json.readValue(message.payload(), CommunityMemberEvents.MemberMessage.class);
			try {
				community.renamed(payload.memberId(), new CommunityMemberHooks.Renamed(payload.displayName()));
			}
			catch (FeignException failure) {
				throw InternalCallFailures.classify(failure, tokens);
			}
		});
	}

	@Bean
	OutboxHandler memberAnonymiseDelivery(CommunityMemberHooks community, ObjectMapper json, ServiceTokens tokens) {
		return handler(CommunityMemberEvents.ANONYMISE, message -> {
			var payload = json.readValue(message.payload(), CommunityMemberEvents.MemberMessage.class);
			try {
				community.anonymise(payload.memberId());
			}
			catch (FeignException failure) {
				throw InternalCallFailures.classify(failure, tokens);
			}
		});
	}

	private interface Delivery {
		void deliver(dev.hitter.kit.outbox.OutboxMessage message) throws Exception;
	}

	private static OutboxHandler handler(String type, Delivery delivery) {
		return new OutboxHandler() {
			@Override
			public String type() {
				return type;
			}

			@Override
			public void deliver(dev.hitter.kit.outbox.OutboxMessage message) throws Exception {
				delivery.deliver(message);
			}
		};
	}
}
