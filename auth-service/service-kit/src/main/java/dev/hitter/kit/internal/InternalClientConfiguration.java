package dev.hitter.kit.internal;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;

/**
 * The Feign configuration of every internal client ({@code @FeignClient(configuration =
 * InternalClientConfiguration.class)}): the calling service's own service token on each request, the kit's time-outs,
 * and no retries of Feign's own (the outbox relay retries with back-off, behind a circuit breaker per destination).
 * Not a {@code @Configuration}: a member-token client such as community's snapshot client must not get it.
 */
public class InternalClientConfiguration {

	@Bean
	RequestInterceptor serviceTokenInterceptor(ServiceTokens tokens) {
		return template -> template.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.current());
	}

	@Bean
	Request.Options internalRequestOptions(ServiceCredentialProperties properties) {
		return new Request.Options(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
				properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
	}

	@Bean
	Retryer internalRetryer() {
		return Retryer.NEVER_RETRY;
	}
}
