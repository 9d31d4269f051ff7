package dev.hitter.prediction.audit;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.outbox.InternalDelivery;
import dev.hitter.kit.outbox.OutboxHandler;
import tools.jackson.databind.ObjectMapper;

/** Delivers {@link ModerationAudit}'s messages to auth-service's audit log. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = AuthAuditEvents.class)
class AuditEventDelivery {

	@Bean
	OutboxHandler moderationAuditDelivery(AuthAuditEvents auth, ObjectMapper json, ServiceTokens tokens) {
		return InternalDelivery.of(ModerationAudit.TYPE, ModerationAudit.ModerationEvent.class, json, tokens,
				(id, event) -> auth.record(new AuthAuditEvents.SentEvent(id, event.kind(), event.memberId(),
						event.actorId(), event.detail(), event.occurredAt())));
	}
}
