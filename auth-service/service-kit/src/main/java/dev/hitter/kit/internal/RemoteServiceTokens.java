package dev.hitter.kit.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Service tokens from auth-service by OAuth2 client credentials ({@code grant_type=client_credentials}, HTTP Basic
 * client authentication): one request per token lifetime, not one per call.
 */
public class RemoteServiceTokens implements ServiceTokens {

	private final ServiceCredentialProperties properties;

	private final RestClient http;

	private final Clock clock;

	private String token;

	private Instant renewAt = Instant.MIN;

	public RemoteServiceTokens(ServiceCredentialProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.connectTimeout());
		requests.setReadTimeout(properties.readTimeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public synchronized String current() {
		if (token == null || !clock.instant().isBefore(renewAt)) {
			if (!properties.hasSecret()) {
				throw new IllegalStateException("hitter.service.secret (HITTER_SERVICE_SECRET) is not set: "
						+ properties.name() + " cannot call other services' internal endpoints");
			}
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("grant_type", "client_credentials");
			TokenAnswer answer = http.post()
				.uri(properties.tokenUri())
				.headers(headers -> headers.setBasicAuth(properties.name(), properties.secret()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.retrieve()
				.body(TokenAnswer.class);
			if (answer == null || answer.accessToken() == null || answer.expiresIn() <= 0) {
				throw new IllegalStateException("auth-service answered no service token");
			}
			Instant now = clock.instant();
			token = answer.accessToken();
			renewAt = now.plusSeconds(answer.expiresIn()).minus(properties.renewBefore());
			if (renewAt.isBefore(now)) {
				// A token shorter-lived than renewBefore: use it once rather than never.
				renewAt = now;
			}
		}
		return token;
	}

	@Override
	public synchronized void forget() {
		token = null;
	}

	record TokenAnswer(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn) {
	}
}
