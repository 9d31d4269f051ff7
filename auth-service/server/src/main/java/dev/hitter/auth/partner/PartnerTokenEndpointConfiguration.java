package dev.hitter.auth.partner;

import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

import com.nimbusds.jose.jwk.JWKSet;

import dev.hitter.auth.token.SigningKeys;
import dev.hitter.kit.security.ServiceSecurityAutoConfiguration;

/**
 * The partner clients' OAuth2 token endpoint, {@code POST /api/v1/auth/oauth2/token} (client credentials), served by
 * Spring Authorization Server in a filter chain of its own that matches only that path.
 * <p>
 * An auto-configuration ordered after the kit's on purpose (listed in META-INF/spring/…AutoConfiguration.imports, so
 * component scanning skips it): the kit's chain — bearer tokens, path rules, problem answers for every other path — is
 * {@code @ConditionalOnMissingBean(SecurityFilterChain)}, and a chain declared by an ordinary configuration would
 * switch it off. Declared after it, both exist; this one is first by its order. Boot's own authorization server
 * auto-configuration is excluded in application.yml: its default chains (a login form for every path) would switch
 * the kit's off too, and its generated key would be a second, unpublished signing key.
 */
@AutoConfiguration(after = ServiceSecurityAutoConfiguration.class)
public class PartnerTokenEndpointConfiguration {

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		// Only the token endpoint is reachable (the chain below matches nothing else); the other endpoints' paths
		// are the defaults and answer like any unknown path of the service.
		return AuthorizationServerSettings.builder().tokenEndpoint(PartnerClients.TOKEN_PATH).build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain partnerTokenEndpointFilterChain(HttpSecurity http, PartnerRegisteredClients registeredClients,
			ClientSecrets secrets, PartnerTokenClaims claims, SigningKeys signingKeys,
			AuthorizationServerSettings settings) throws Exception {
		// Signed with the same current key as member tokens (published at /api/v1/auth/jwks), chosen per token so that
		// a key rotation takes effect here too.
		PasswordEncoder secretHash = secrets.asPasswordEncoder();
		JwtGenerator tokens = new JwtGenerator(
				new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(signingKeys.current()))));
		tokens.setJwtCustomizer(claims);
		// POST only: any other method falls to the kit's chain and is answered like every unknown request (401).
		http.securityMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, PartnerClients.TOKEN_PATH))
			.addFilterBefore(new TokenRequestGuard(), AbstractPreAuthenticatedProcessingFilter.class)
			.oauth2AuthorizationServer(server -> server.registeredClientRepository(registeredClients)
				.authorizationService(new StatelessAuthorizations())
				.authorizationServerSettings(settings)
				.tokenGenerator(tokens)
				// Secrets are compared as HMAC-SHA256 (ClientSecrets), never with the members' Argon2 PasswordEncoder
				// bean that Spring Authorization Server would pick up by itself.
				.clientAuthentication(clients -> clients.authenticationProviders(providers -> providers.forEach(p -> {
					if (p instanceof ClientSecretAuthenticationProvider secretProvider) {
						secretProvider.setPasswordEncoder(secretHash);
					}
				})))
				.tokenEndpoint(endpoint -> endpoint.accessTokenRequestConverter(allScopesWhenNoneAsked())))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(TokenRequestGuard::noClientCredentials))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable);
		return http.build();
	}

	/**
	 * RFC 6749 §3.3 lets the server choose when the request names no scope: every scope of the client, so that a tool
	 * asking plainly gets a useful token (Spring Authorization Server would grant none).
	 */
	private static AuthenticationConverter allScopesWhenNoneAsked() {
		return request -> {
			String[] scope = request.getParameterValues(OAuth2ParameterNames.SCOPE);
			if (!AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()
				.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
					|| request.getParameterValues(OAuth2ParameterNames.GRANT_TYPE).length != 1
					|| (scope != null && (scope.length != 1 || StringUtils.hasText(scope[0])))) {
				return null;
			}
			Authentication client = SecurityContextHolder.getContext().getAuthentication();
			if (!(client instanceof OAuth2ClientAuthenticationToken authenticated)
					|| authenticated.getRegisteredClient() == null) {
				return null;
			}
			return new OAuth2ClientCredentialsAuthenticationToken(client,
					authenticated.getRegisteredClient().getScopes(), Map.of());
		};
	}
}
