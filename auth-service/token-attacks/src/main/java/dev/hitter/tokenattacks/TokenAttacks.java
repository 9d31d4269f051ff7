package dev.hitter.tokenattacks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for auth-service in a service's tests: it publishes a JWK set over a local HTTP server (point
 * {@code hitter.security.jwk-set-uri} at {@link #jwkSetUri()}) and mints the tokens an attacker would send —
 * next to one valid token, so that a test shows the service both lets the right one in and keeps each wrong one
 * out. Every service's tests use this one fixture, so a new attack added here is tried against all of them.
 */
public final class TokenAttacks implements AutoCloseable {

	/** The issuer and audience HITTER's services expect by default ({@code hitter.security.*}). */
	public static final String ISSUER = "hitter";

	public static final String AUDIENCE = "hitter-api";

	/** The audience of service tokens, accepted only on {@code /internal} paths. */
	public static final String INTERNAL_AUDIENCE = "hitter-internal";

	private final RSAKey trustedKey;

	// The attacker's key pair: not in the published set. One is enough; the key id on a token is free text.
	private final RSAKey attackerKey = newKey("attacker");

	private final String issuer;

	private final String audience;

	private final HttpServer server;

	private final AtomicInteger jwkSetRequests = new AtomicInteger();

	private TokenAttacks(RSAKey trustedKey, String issuer, String audience) {
		this.trustedKey = trustedKey;
		this.issuer = issuer;
		this.audience = audience;
		this.server = serveJwkSet(new JWKSet(trustedKey.toPublicJWK()).toString(true));
	}

	/** A fixture with a key of its own, published at {@link #jwkSetUri()}. */
	public static TokenAttacks start() {
		return new TokenAttacks(newKey(UUID.randomUUID().toString()), ISSUER, AUDIENCE);
	}

	/**
	 * A fixture that signs with a key the service already trusts (auth-service verifies with its own stored keys,
	 * not over HTTP): the claim attacks then reach the claim checks, not just the signature check.
	 */
	public static TokenAttacks signingWith(RSAKey trustedKey) {
		return new TokenAttacks(trustedKey, ISSUER, AUDIENCE);
	}

	public URI jwkSetUri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
	}

	/** How often the JWK set was fetched: a service must not fetch it once per unknown key id. */
	public int jwkSetRequests() {
		return jwkSetRequests.get();
	}

	/** A token every service must accept: right key, issuer, audience, subject, and not expired. */
	public String validToken(UUID subject) {
		return sign(trustedKey, trustedKey.getKeyID(), claims(subject).build());
	}

	/**
	 * A partner client's token as auth-service's token endpoint issues it: the owning member as {@code sub}, the
	 * client's id as {@code client_id} and its scopes (a JSON array) as {@code scope}.
	 */
	public String clientToken(UUID member, String clientId, String... scopes) {
		return sign(trustedKey, trustedKey.getKeyID(), claims(member).claim("client_id", clientId)
			.claim("scope", List.of(scopes))
			.claim("email_verified", true)
			.build());
	}

	/** Signed by a key nobody trusts, under a key id nobody knows (a new one each call). */
	public String tokenWithUnknownKeyId(UUID subject) {
		return sign(attackerKey, UUID.randomUUID().toString(), claims(subject).build());
	}

	/**
	 * A service token as auth-service issues it by client credentials: audience {@code hitter-internal} alone,
	 * subject {@code service:<service>}, role {@code SERVICE}. Valid on {@code /internal} paths, refused elsewhere.
	 */
	public String serviceToken(String service) {
		return sign(trustedKey, trustedKey.getKeyID(), serviceClaims(service).build());
	}

	/**
	 * Service tokens with one thing wrong, each of which an {@code /internal} path must refuse (401 or 403) — and a
	 * member path too: a token with a service's marks is never a member's.
	 */
	public List<TokenAttack> serviceTokenAttacks(String service) {
		Instant now = Instant.now();
		return List.of(
				new TokenAttack("service-forged-signature", sign(attackerKey, trustedKey.getKeyID(),
						serviceClaims(service).build())),
				new TokenAttack("service-expired", sign(trustedKey, trustedKey.getKeyID(), serviceClaims(service)
					.issueTime(Date.from(now.minus(Duration.ofHours(2))))
					.expirationTime(Date.from(now.minus(Duration.ofHours(1))))
					.build())),
				// Both audiences: a token good for members and services alike is good for neither.
				new TokenAttack("service-both-audiences", sign(trustedKey, trustedKey.getKeyID(),
						serviceClaims(service).audience(List.of(INTERNAL_AUDIENCE, audience)).build())),
				new TokenAttack("service-members-audience", sign(trustedKey, trustedKey.getKeyID(),
						serviceClaims(service).audience(List.of(audience)).build())),
				// A member's subject dressed as a service.
				new TokenAttack("service-role-member-subject", sign(trustedKey, trustedKey.getKeyID(),
						serviceClaims(service).subject(UUID.randomUUID().toString()).build())),
				new TokenAttack("service-without-role", sign(trustedKey, trustedKey.getKeyID(),
						serviceClaims(service).claim("roles", List.of("MEMBER", "ADMIN")).build())),
				new TokenAttack("service-empty-name", sign(trustedKey, trustedKey.getKeyID(),
						serviceClaims(service).subject("service:").build())));
	}

	/** Every attack, each built on {@link #validToken(UUID)} with exactly one thing wrong. */
	public List<TokenAttack> attacks(UUID subject) {
		Instant now = Instant.now();
		return List.of(
				// A key of the attacker's own, passed off under the trusted key's id.
				new TokenAttack("forged-signature", sign(attackerKey, trustedKey.getKeyID(),
						claims(subject).build())),
				new TokenAttack("foreign-key", tokenWithUnknownKeyId(subject)),
				new TokenAttack("tampered-claims", tamper(validToken(subject))),
				new TokenAttack("wrong-issuer", signed(subject, c -> c.issuer("https://attacker.example"))),
				new TokenAttack("no-issuer", signed(subject, c -> c.issuer(null))),
				new TokenAttack("wrong-audience", signed(subject, c -> c.audience("some-other-api"))),
				new TokenAttack("no-audience", signed(subject, c -> c.audience((String) null))),
				new TokenAttack("expired", signed(subject, c -> c.issueTime(Date.from(now.minus(Duration.ofHours(2))))
					.expirationTime(Date.from(now.minus(Duration.ofHours(1)))))),
				new TokenAttack("not-yet-valid", signed(subject, c -> c.notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))))),
				new TokenAttack("no-expiry", signed(subject, c -> c.expirationTime(null))),
				new TokenAttack("no-subject", signed(subject, c -> c.subject(null))),
				new TokenAttack("blank-subject", signed(subject, c -> c.subject(" "))),
				new TokenAttack("alg-none", unsigned(claims(subject).build())),
				// Odd algorithms under the real key id, each on a real token's payload and signature: the verifier
				// must refuse an algorithm it does not expect as a bad token (401), not fail on it (500).
				new TokenAttack("alg-NONE-real-kid", withAlg("\"NONE\"", validToken(subject))),
				new TokenAttack("alg-None-real-kid", withAlg("\"None\"", validToken(subject))),
				new TokenAttack("alg-HS256-keyed-with-public-key", hmacWithPublicKey(claims(subject).build())),
				new TokenAttack("alg-RS512-trusted-key", sign(trustedKey, JWSAlgorithm.RS512, trustedKey.getKeyID(),
						claims(subject).build())),
				new TokenAttack("alg-ES256-real-kid", withAlg("\"ES256\"", validToken(subject))),
				new TokenAttack("alg-empty", withAlg("\"\"", validToken(subject))),
				// 5 KB: long enough to be absurd, short enough that the whole token stays under the servers' 8 KB
				// header limit, so the verifier itself sees it (a longer one is refused before any code of ours).
				new TokenAttack("alg-5kb", withAlg("\"" + "A".repeat(5 * 1024) + "\"", validToken(subject))),
				new TokenAttack("not-a-jwt", "not.a.token"));
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private JWTClaimsSet.Builder claims(UUID subject) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject.toString())
			.audience(List.of(audience))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of("MEMBER"))
			.claim("email", "member-" + subject + "@example.com")
			.claim("name", "Token Tester")
			.claim("kind", "producer");
	}

	private JWTClaimsSet.Builder serviceClaims(String service) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject("service:" + service)
			.audience(List.of(INTERNAL_AUDIENCE))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of("SERVICE"))
			.claim("client_id", service);
	}

	private String signed(UUID subject, Consumer<JWTClaimsSet.Builder> change) {
		JWTClaimsSet.Builder claims = claims(subject);
		change.accept(claims);
		return sign(trustedKey, trustedKey.getKeyID(), claims.build());
	}

	private static String sign(RSAKey key, String kid, JWTClaimsSet claims) {
		return sign(key, JWSAlgorithm.RS256, kid, claims);
	}

	private static String sign(RSAKey key, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// The payload changed after signing: the signature no longer matches it.
	private static String tamper(String token) {
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"MEMBER\"", "\"ADMIN\"");
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
	}

	// The header swapped for one naming another algorithm (given as a JSON value), under the same key id; the
	// payload and signature stay those of the real token.
	private String withAlg(String algJson, String token) {
		String header = "{\"alg\":" + algJson + ",\"kid\":\"" + trustedKey.getKeyID() + "\"}";
		int firstDot = token.indexOf('.');
		return Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
				+ token.substring(firstDot);
	}

	// The classic key-confusion attack: an HMAC keyed with the published RSA public key, under the real key id.
	private String hmacWithPublicKey(JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(trustedKey.getKeyID()).build(),
					claims);
			jwt.sign(new MACSigner(trustedKey.toPublicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unsigned(JWTClaimsSet claims) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String payload = base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + ".";
	}

	private static RSAKey newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpServer serveJwkSet(String jwkSetJson) {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = jwkSetJson.getBytes(StandardCharsets.UTF_8);
			http.createContext("/jwks", exchange -> {
				jwkSetRequests.incrementAndGet();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			http.start();
			return http;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
