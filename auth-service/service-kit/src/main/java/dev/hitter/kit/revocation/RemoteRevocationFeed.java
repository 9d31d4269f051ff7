package dev.hitter.kit.revocation;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import dev.hitter.kit.internal.ServiceTokens;

/** The feed over HTTP, {@code GET /internal/v1/revocations?after=} at auth-service, with this service's token. */
public final class RemoteRevocationFeed implements RevocationFeed {

	private final URI feed;

	private final ServiceTokens tokens;

	private final RestClient http;

	public RemoteRevocationFeed(URI feed, ServiceTokens tokens, Duration connectTimeout, Duration readTimeout) {
		this.feed = feed;
		this.tokens = tokens;
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(connectTimeout);
		requests.setReadTimeout(readTimeout);
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public Page after(long cursor) {
		try {
			return http.get()
				.uri(UriComponentsBuilder.fromUri(feed).queryParam("after", cursor).build().toUri())
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.current())
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(Page.class);
		}
		catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.Forbidden refused) {
			// Keys or secret rotated: the next poll fetches a new token.
			tokens.forget();
			throw refused;
		}
	}
}
