package dev.hitter.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.hitter.auth.audit.AuditTrail;
import dev.hitter.auth.session.MovableClock;
import dev.hitter.auth.signup.SignUpMember;

/**
 * Rotation on the real database, seen by "replicas" ({@link SigningKeys} of their own) whose clock the test moves:
 * a new key is published first, signs after {@code publish-ahead}, and the old one keeps verifying its tokens until
 * they have expired. The running service's own keys are put back afterwards.
 */
class SigningKeyRotationTest extends SigningKeysTest {

	@Autowired
	SignUpMember signUpMember;

	private Set<String> keptKids;

	@BeforeEach
	void rememberKeys() {
		keptKids = new HashSet<>(jdbc.sql("SELECT kid FROM signing_key").query(String.class).list());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM signing_key WHERE retires_at IS NOT NULL").query(Long.class).single())
			.as("this test assumes no rotation under way before it").isZero();
	}

	@AfterEach
	void restoreKeys() {
		for (String kid : jdbc.sql("SELECT kid FROM signing_key").query(String.class).list()) {
			if (!keptKids.contains(kid)) {
				jdbc.sql("DELETE FROM signing_key WHERE kid = ?").param(kid).update();
			}
		}
		jdbc.sql("UPDATE signing_key SET retires_at = NULL").update();
		running.reload();
	}

	@Test
	void aNewKeyIsPublishedFirstThenSignsAndTheOldOneVerifiesItsTokensUntilTheyExpire() throws Exception {
		MovableClock clock = new MovableClock();
		SigningKeys replica = replica(clock);
		SigningKeys otherReplica = replica(clock);
		RSAKey old = replica.current();

		SigningKeys.Rotation rotation = replica.rotate();
		assertThat(rotation.activatesAt()).isEqualTo(rotation.publishedAt().plus(properties.publishAhead()));
		assertThat(rotation.retiringKids()).contains(old.getKeyID());
		// Member access tokens, service tokens and partner clients' tokens (their defaults here).
		assertThat(lifetimes).extracting(TokenLifetime::ttl)
			.containsExactlyInAnyOrder(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(10));
		Duration longest = lifetimes.stream().map(TokenLifetime::ttl).max(Duration::compareTo).orElseThrow();
		assertThat(rotation.retiresAt()).isEqualTo(rotation.activatesAt().plus(longest).plus(security.clockSkew()));

		// Published, not signing yet: services fetch it before it is used.
		otherReplica.reload();
		for (SigningKeys keys : List.of(replica, otherReplica)) {
			assertThat(kids(keys)).contains(old.getKeyID(), rotation.newKid());
			assertThat(keys.current().getKeyID()).isEqualTo(old.getKeyID());
		}
		assertThatThrownBy(replica::rotate).isInstanceOf(SigningKeys.RotationUnderWayException.class);

		// The last token the old key signs, a moment before the switch, valid for the longest lifetime.
		clock.advance(properties.publishAhead().minusSeconds(1));
		assertThat(replica.current().getKeyID()).isEqualTo(old.getKeyID());
		String lastOldToken = sign(old, clock.instant(), clock.instant().plus(longest));

		clock.advance(Duration.ofSeconds(2));
		assertThat(replica.current().getKeyID()).isEqualTo(rotation.newKid());
		assertThat(otherReplica.current().getKeyID()).as("the other replica agrees").isEqualTo(rotation.newKid());
		assertThat(verifies(replica, lastOldToken)).isTrue();

		// Until the last old token has expired (and the clock skew passed), the old key stays.
		clock.advance(longest.plus(security.clockSkew()).minusSeconds(3));
		assertThat(kids(replica)).contains(old.getKeyID());
		assertThat(verifies(replica, lastOldToken)).isTrue();

		clock.advance(Duration.ofSeconds(2));
		assertThat(kids(replica)).doesNotContain(old.getKeyID()).contains(rotation.newKid());
		assertThat(kids(otherReplica)).doesNotContain(old.getKeyID());
		assertThat(verifies(replica, lastOldToken)).isFalse();
		assertThat(replica.current().getKeyID()).isEqualTo(rotation.newKid());
		// A restart reads only what is still published, and signs with the new key.
		assertThat(replica(clock).current().getKeyID()).isEqualTo(rotation.newKid());
	}

	@Test
	void aTokenWhoseHeaderNamedTheOldKeyJustBeforeTheSwitchIsSignedByIt() throws Exception {
		MovableClock clock = new MovableClock();
		SigningKeys replica = replica(clock);
		String old = replica.current().getKeyID();
		SigningKeys.Rotation rotation = replica.rotate();
		clock.advance(properties.publishAhead().plusSeconds(1));
		org.springframework.security.oauth2.jwt.JwtEncoder encoder = new TokenConfiguration().jwtEncoder(replica);
		var claims = org.springframework.security.oauth2.jwt.JwtClaimsSet.builder().subject("someone").build();
		var rs256 = org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256;
		var namedOld = encoder.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters
			.from(org.springframework.security.oauth2.jwt.JwsHeader.with(rs256).keyId(old).build(), claims));
		assertThat(namedOld.getHeaders().get("kid")).isEqualTo(old);
		assertThat(verifies(replica, namedOld.getTokenValue())).isTrue();
		// No key named (Spring Authorization Server's own headers): the current key, although two are published.
		var unnamed = encoder.encode(org.springframework.security.oauth2.jwt.JwtEncoderParameters
			.from(org.springframework.security.oauth2.jwt.JwsHeader.with(rs256).build(), claims));
		assertThat(unnamed.getHeaders().get("kid")).isEqualTo(rotation.newKid());
	}

	@Test
	void twoReplicasRotatingAtOnceStartOneRotation() throws Exception {
		MovableClock clock = new MovableClock();
		List<SigningKeys> replicas = List.of(replica(clock), replica(clock));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<SigningKeys.Rotation>> rotations = new ArrayList<>();
			for (SigningKeys replica : replicas) {
				rotations.add(pool.submit((Callable<SigningKeys.Rotation>) replica::rotate));
			}
			int started = 0;
			int refused = 0;
			for (Future<SigningKeys.Rotation> rotation : rotations) {
				try {
					rotation.get();
					started++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(SigningKeys.RotationUnderWayException.class);
					refused++;
				}
			}
			assertThat(started).isEqualTo(1);
			assertThat(refused).isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM signing_key").query(Long.class).single())
				.isEqualTo(keptKids.size() + 1L);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void automaticRotationWaitsForRotateEveryAndHappensOnce() {
		MovableClock clock = new MovableClock();
		SigningKeys replica = replica(clock);
		assertThat(replica.rotateIfDue()).as("the current key is young").isEmpty();
		clock.advance(properties.rotateEvery().plusMinutes(1));
		assertThat(replica.signingKeyAge()).as("the age the key-rotation alert watches")
			.isGreaterThanOrEqualTo(properties.rotateEvery().plusMinutes(1));
		var rotation = replica.rotateIfDue();
		assertThat(rotation).isPresent();
		assertThat(replica(clock).rotateIfDue()).as("another replica a moment later").isEmpty();
		clock.advance(properties.publishAhead().plusSeconds(1));
		assertThat(replica.current().getKeyID()).isEqualTo(rotation.orElseThrow().newKid());
		assertThat(replica.signingKeyAge()).as("the new key's age counts from its activation")
			.isLessThan(Duration.ofMinutes(1));
		assertThat(replica.rotateIfDue()).as("the new key is young").isEmpty();
	}

	@Test
	void onlyAnAdministratorRotatesAndTheRotationIsAudited() throws Exception {
		String member = "Bearer " + read(signUpAndLogIn(uniqueEmail()), "$.accessToken");
		mvc.perform(post("/api/v1/auth/admin/signing-keys/rotation").header("Authorization", member))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/auth/admin/signing-keys/rotation")).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM signing_key").query(Long.class).single()).isEqualTo(keptKids.size());

		String adminEmail = uniqueEmail();
		UUID adminId = AuditTrail.administrator(signUpMember, adminEmail, STRONG_PASSWORD);
		String admin = "Bearer " + read(logIn(adminEmail, STRONG_PASSWORD), "$.accessToken");
		String currentBefore = running.current().getKeyID();
		String answer = mvc.perform(post("/api/v1/auth/admin/signing-keys/rotation").header("Authorization", admin))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.retiringKids").value(org.hamcrest.Matchers.hasItem(currentBefore)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String newKid = JsonPath.read(answer, "$.kid");
		Instant activatesAt = Instant.parse(JsonPath.read(answer, "$.activatesAt"));
		assertThat(activatesAt).isAfter(Instant.now().plus(properties.publishAhead()).minusSeconds(30));

		String jwks = mvc.perform(get("/api/v1/auth/jwks"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(jwks, "$.keys[*].kid")).contains(currentBefore, newKid);
		assertThat(jwks).doesNotContain("\"d\"");
		assertThat(running.current().getKeyID()).as("still signing with the old key").isEqualTo(currentBefore);
		// A token signed now still works.
		mvc.perform(get("/api/v1/users/me").header("Authorization", admin)).andExpect(status().isOk());

		mvc.perform(post("/api/v1/auth/admin/signing-keys/rotation").header("Authorization", admin))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/signing-key-rotation-under-way")));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE kind = 'SIGNING_KEY_ROTATED' AND actor_id = ? "
				+ "AND detail LIKE ?")
			.params(adminId.toString(), "%" + newKid + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theRotationIsDocumentedWithSummaryTagsSecurityAndItsRefusals() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		java.util.Map<String, Object> operation = JsonPath.read(docs,
				"$.paths['/api/v1/auth/admin/signing-keys/rotation'].post");
		assertThat((String) operation.get("summary")).isNotBlank();
		assertThat((List<?>) operation.get("tags")).isNotEmpty();
		assertThat((List<?>) operation.get("security")).isNotEmpty();
		assertThat(((java.util.Map<?, ?>) operation.get("responses")).keySet().stream().map(String::valueOf).toList())
			.contains("202", "401", "403", "409");
	}

	private SigningKeys replica(MovableClock clock) {
		return another(clock);
	}

	private static List<String> kids(SigningKeys keys) {
		return keys.publicJwkSet().getKeys().stream().map(key -> key.getKeyID()).toList();
	}

	private static String sign(RSAKey key, Instant issuedAt, Instant expiresAt) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString())
					.issueTime(java.util.Date.from(issuedAt))
					.expirationTime(java.util.Date.from(expiresAt))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	// The signature check auth-service makes (TokenConfiguration), against this replica's key set at its time.
	private static boolean verifies(SigningKeys keys, String token) throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<SecurityContext>(JWSAlgorithm.RS256,
				(selector, context) -> selector.select(keys.jwkSet())));
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		try {
			processor.process(token, null);
			return true;
		}
		catch (BadJOSEException refused) {
			return false;
		}
	}
}
