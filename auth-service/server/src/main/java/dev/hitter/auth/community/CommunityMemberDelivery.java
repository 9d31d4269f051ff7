package dev.hitter.auth.community;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.outbox.InternalDelivery;
import dev.hitter.kit.outbox.OutboxHandler;
import tools.jackson.databind.ObjectMapper;

/** Delivers {@link CommunityMemberEvents}' messages to community-service's member hooks. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = CommunityMemberHooks.class)
class CommunityMemberDelivery {

	@Bean
	OutboxHandler memberRenamedDelivery(CommunityMemberHooks community, ObjectMapper json, ServiceTokens tokens) {
		return InternalDelivery.of(CommunityMemberEvents.RENAMED, CommunityMemberEvents.MemberMessage.class, json, tokens,
				(id, payload) -> community.renamed(payload.memberId(),
						new CommunityMemberHooks.Renamed(payload.displayName())));
	}

	@Bean
	OutboxHandler memberAnonymiseDelivery(CommunityMemberHooks community, ObjectMapper json, ServiceTokens tokens) {
		return InternalDelivery.of(CommunityMemberEvents.ANONYMISE, CommunityMemberEvents.MemberMessage.class, json,
				tokens, (id, payload) -> community.anonymise(payload.memberId()));
	}
}
