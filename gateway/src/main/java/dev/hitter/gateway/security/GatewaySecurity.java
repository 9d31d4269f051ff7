package dev.hitter.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import dev.hitter.gateway.EdgeProperties;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.requestid.RequestId;
import dev.hitter.kit.security.AccessTokenValidation;
import dev.hitter.kit.security.RemoteJwkSet;
import dev.hitter.kit.security.Role;
import dev.hitter.kit.security.SecurityProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway checks every token before routing (the services check it again: none trusts the network).
 * Everything is denied unless listed here as public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class GatewaySecurity {

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, Environment environment) {
		// On a management port of its own (a cluster's), the actuator is served only there, where nobody but the
		// operator's scraper reaches it: its metrics need no token. Sharing the API port, an administrator's.
		boolean separateManagementPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		String[] openWithoutToken = separateManagementPort
				? new String[] { "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus" }
				: new String[] { "/actuator/health", "/actuator/health/**", "/actuator/info" };
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> ProblemResponses.write(exchange,
				ProblemType.UNAUTHORIZED,
				"A valid access token is required: sign in and send it as 'Authorization: Bearer <token>'.",
				Map.of("WWW-Authenticate", "Bearer"));
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> ProblemResponses.write(exchange,
				ProblemType.FORBIDDEN, "You are not allowed to do this.", Map.of());
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.cors(cors -> {
			})
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden)
				.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken())))
			.authorizeExchange(exchange -> exchange
				.pathMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/auth/refresh",
						"/api/v1/auth/login/two-factor")
				.permitAll()
				// Partner tools' OAuth2 token endpoint (client credentials: the client authenticates itself there).
				.pathMatchers(HttpMethod.POST, "/api/v1/auth/oauth2/token")
				.permitAll()
				// The pages that mailed links open may be on a device where nobody is signed in.
				.pathMatchers(HttpMethod.POST, "/api/v1/auth/email-verification", "/api/v1/auth/password-reset",
						"/api/v1/auth/password-reset/confirm")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/v1/auth/jwks")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/v1/models", "/api/v1/models/*", "/api/v1/models/*/pictures/*")
				.permitAll()
				// Published audio: an <audio> element sends no bearer token, so prediction-service checks the
				// listening ticket in the query itself (a bearer token, when one comes, is still verified here).
				.pathMatchers(HttpMethod.GET, "/api/v1/predictions/*/audio")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/api/v1/predictions/*/audio")
				.permitAll()
				.pathMatchers(HttpMethod.GET, openWithoutToken)
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/livez", "/readyz")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/actuator/**")
				.hasAuthority(Role.ADMIN.authority())
				// Reached only by the circuit breakers' internal forward, never from outside.
				.pathMatchers("/fallback/**")
				.denyAll()
				// Services' internal API: answered 404 before this (routing/InternalPathsNotServed); denied here too.
				.pathMatchers("/internal", "/internal/**")
				.denyAll()
				.pathMatchers("/api/**")
				.authenticated()
				// The SPA: its files and client-side routes are public; its data comes from /api.
				.pathMatchers(HttpMethod.GET, "/**")
				.permitAll()
				.anyExchange()
				.denyAll())
			.build();
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(SecurityProperties properties,
			dev.hitter.kit.revocation.RevokedMembers revokedMembers) {
		if (properties.jwkSetUri() == null) {
			throw new IllegalStateException(
					"hitter.security.jwk-set-uri is not set: point it at auth-service's /api/v1/auth/jwks");
		}
		// Not withJwkSetUri: its key source fetches the key set again for every unknown kid, without limit. The
		// shared source caches and rate-limits; it blocks on HTTP only when it fetches, so it runs off the event loop.
		JWKSource<SecurityContext> keys = RemoteJwkSet.of(properties.jwkSetUri());
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource(jwt -> {
				// No matcher for an algorithm Nimbus has no key type for (NONE, None, an empty or made-up alg):
				// offer no key, so the token is refused as bad (401) instead of failing the selector (500).
				JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
				if (matcher == null) {
					return Flux.empty();
				}
				return Mono.fromCallable(() -> keys.get(new JWKSelector(matcher), null))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMapIterable(found -> found);
			})
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		// Deleted and suspended members' tokens: refused here (docs/identity.md "Revoked members").
		decoder.setJwtValidator(AccessTokenValidation.withRevocations(AccessTokenValidation.validator(properties),
				revokedMembers));
		return decoder;
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(EdgeProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.corsAllowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", RequestId.HEADER));
		// The rate limit headers too (ratelimit/RateLimitWebFilter): a browser tool may pace itself by them.
		cors.setExposedHeaders(List.of("Location", "Retry-After", RequestId.HEADER, "RateLimit-Limit",
				"RateLimit-Remaining", "RateLimit-Reset"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		return source;
	}

	private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFromToken() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(Role::authoritiesOf);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}
}
