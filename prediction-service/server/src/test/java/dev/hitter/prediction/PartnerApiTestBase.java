package dev.hitter.prediction;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What partner tools do, on the real database with the fixture models: one context (and schema, so that no other
 * context's job workers take its items) for the tests of client tokens, their scopes and usage, and of webhook
 * delivery. Webhooks go only to the allowed target {@link #RECEIVER_PORT} on 127.0.0.1: private addresses stay refused.
 */
@SpringBootTest(properties = { "hitter.prediction.jobs.poll-interval=100ms",
		"hitter.prediction.jobs.webhook.allow-private-addresses=false",
		"hitter.prediction.jobs.webhook.allowed-targets=127.0.0.1:" + PartnerApiTestBase.RECEIVER_PORT,
		"hitter.prediction.jobs.webhook.first-retry=1s", "hitter.prediction.jobs.webhook.timeout=3s" })
@PredictionTestContext(schema = "hitter_prediction_partner", noUploadLeft = true)
@AutoConfigureMockMvc
public abstract class PartnerApiTestBase {

	/** In helper H4's port block; the allowed webhook target of this context. */
	public static final int RECEIVER_PORT = 8701;

	@Autowired
	protected MockMvc mvc;

	/** A member's own token, as the web app holds it. */
	protected static RequestPostProcessor member(UUID id) {
		return jwt().jwt(token -> token.subject(id.toString())
			.claim("email_verified", true)
			.claim("roles", List.of("MEMBER")));
	}

	/** A token of the member's partner API client, as auth-service's client-credentials grant mints it. */
	protected static RequestPostProcessor client(UUID member, String clientId, String... scopes) {
		return jwt().jwt(token -> token.subject(member.toString())
			.claim("email_verified", true)
			.claim("roles", List.of("MEMBER"))
			.claim("client_id", clientId)
			.claim("scope", List.of(scopes)));
	}
}
