package dev.hitter.kit.security;

import java.util.List;
import java.util.Locale;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one security setup of every HITTER servlet service: stateless, bearer tokens from auth-service,
 * roles from the token, and everything denied unless a service lists it as public.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

	static {
		// A Member comes from the access token, never from the request's parameters: keep it out of API documents.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Member.class);
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(ServiceCaller.class);
	}

	// Probes (health says UP or DOWN, never details) and API documents; the gateway routes only the documents.
	private static final List<String> ALWAYS_PUBLIC = List.of("/livez", "/readyz", "/actuator/health",
			"/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
			"/swagger-ui.html", "/error");

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
			JwtAuthenticationConverter converter, Environment environment) throws Exception {
		// Metrics are open only where nobody but the operator's scraper reaches them: on a management port of their
		// own (bound to loopback by ./hitter run, kept inside the cluster elsewhere), the only port they are served
		// on then. Sharing the API port, they want an administrator's token.
		boolean separateManagementPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(problemMapper());
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
			.authorizeHttpRequests(auth -> {
				auth.requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll();
				if (separateManagementPort) {
					auth.requestMatchers("/actuator/prometheus").permitAll();
				}
				auth.requestMatchers("/actuator/**").hasAuthority(Role.ADMIN.authority());
				for (String publicPath : properties.publicPaths()) {
					String[] parts = publicPath.trim().split("\\s+", 2);
					if (parts.length == 2) {
						auth.requestMatchers(HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1])
							.permitAll();
					}
					else {
						auth.requestMatchers(parts[0]).permitAll();
					}
				}
				// Service-to-service calls: service tokens only, and only here (the gateway routes no /internal path).
				auth.requestMatchers("/internal/**").access(TokenKinds.SERVICE);
				// Partner clients' tokens only where hitter.security.client-scopes grants their scope.
				auth.anyRequest().access(TokenKinds.memberOrClient(ClientScopeRules.parse(properties.clientScopes())));
			});
		return http.build();
	}

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JwtDecoder jwtDecoder(SecurityProperties properties,
			org.springframework.beans.factory.ObjectProvider<dev.hitter.kit.revocation.RevokedMembers> revoked) {
		if (properties.jwkSetUri() == null) {
			throw new IllegalStateException(
					"hitter.security.jwk-set-uri is not set: point it at auth-service's /api/v1/auth/jwks");
		}
		// Not withJwkSetUri: its key source fetches the key set again for every unknown kid, without limit.
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(RemoteJwkSet.of(properties.jwkSetUri()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(AccessTokenValidation.withRevocations(
				AccessTokenValidation.memberOrServiceValidator(properties), revoked.getIfAvailable()));
		return decoder;
	}

	@Bean
	@ConditionalOnMissingBean(JwtAuthenticationConverter.class)
	JwtAuthenticationConverter jwtAuthenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(Role::authoritiesOf);
		return converter;
	}

	@Bean
	WebMvcConfigurer memberArgumentResolverConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new MemberArgumentResolver());
				resolvers.add(new ServiceCallerArgumentResolver());
			}
		};
	}

	private static ObjectMapper problemMapper() {
		return JsonMapper.builder().build();
	}
}
