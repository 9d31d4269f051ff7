package dev.hitter.prediction.audit;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

import dev.hitter.kit.internal.InternalCallFailures;
import dev.hitter.kit.internal.ServiceTokens;
import dev.hitter.kit.outbox.OutboxHandler;
import dev.hitter.kit.outbox.OutboxMessage;
import feign.FeignException;
import tools.jackson.databind.ObjectMapper;

/** Delivers {@link ModerationAudit}'s messages to auth-service's audit log. */
@Component
class AuditEventDelivery implements OutboxHandler {

	private final AuthAuditEvents auth;

	private final ObjectMapper json;

	private final ServiceTokens tokens;

	AuditEventDelivery(AuthAuditEvents auth, ObjectMapper json, ServiceTokens tokens) {
		this.auth = auth;
		this.json = json;
		this.tokens = tokens;
	}

	@Override
	public String type() {
		return ModerationAudit.TYPE;
	}

	@Override
	public void deliver(OutboxMessage message) {
		ModerationAudit.ModerationEvent event = json.readValue(message.payload(), ModerationAudit.ModerationEvent.class);
		try {
			auth.record(new AuthAuditEvents.SentEvent(message.id(), event.kind(), event.memberId(), event.actorId(),
					event.detail(), event.occurredAt()));
		}
		catch (FeignException failure) {
			throw InternalCallFailures.classify(failure, tokens);
		}
	}

	/** The internal client to auth-service. */
	@Configuration(proxyBeanMethods = false)
	@EnableFeignClients(clients = AuthAuditEvents.class)
	static class Clients {
	}
}
