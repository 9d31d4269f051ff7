package dev.hitter.auth.token;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import dev.hitter.kit.security.SecurityProperties;

/**
 * The key pairs auth-service signs with. The first start creates one and stores it in hitter_auth, its private half
 * encrypted ({@link PrivateKeyEncryption}); every later start (and every replica) reads the same keys, so tokens
 * survive restarts.
 * <p>
 * Rotation (docs/identity.md "Signing keys"): a new key is published at once but signs only from its
 * {@code activatesAt}, {@code publish-ahead} later, when every service has fetched the key set again; each older key
 * then stays published until the last token it can have signed has expired, and leaves the key set. The rows are the
 * truth: each replica reads them (at start, every minute, and for a token naming an unknown key) and decides from
 * their times which key signs, so replicas agree without talking to each other.
 */
@Component
public class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	// Newest activation first: the first key whose activation has come signs.
	private static final Comparator<Loaded> SIGNING_ORDER = Comparator.comparing(Loaded::activatesAt)
		.thenComparing(Loaded::createdAt)
		.reversed()
		.thenComparing(loaded -> loaded.jwk().getKeyID());

	private final SigningKeyRepository repository;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SigningKeyProperties properties;

	private final PrivateKeyEncryption encryption;

	private final Duration verifyAfterSigning;

	private volatile List<Loaded> keys;

	SigningKeys(SigningKeyRepository repository, TransactionTemplate transaction, Clock clock,
			SigningKeyProperties properties, List<TokenLifetime> lifetimes, SecurityProperties security) {
		this.repository = repository;
		this.transaction = transaction;
		this.clock = clock;
		this.properties = properties;
		this.encryption = new PrivateKeyEncryption(properties.encryptionKeyBytes());
		this.verifyAfterSigning = lifetimes.stream()
			.map(TokenLifetime::ttl)
			.max(Comparator.naturalOrder())
			.orElseThrow(() -> new IllegalStateException("No token lifetime is known"))
			.plus(security.clockSkew());
		encryptPlaintextKeys();
		this.keys = loadOrCreate();
	}

	/** The key new tokens are signed with: the one activated last. */
	public RSAKey current() {
		return signing(clock.instant()).jwk();
	}

	/**
	 * How long the key that signs now has been signing: the figure the key-expiry alert watches
	 * (deploy/k8s/base/monitoring), negative never (a key waiting for its activation has signed for zero).
	 */
	public Duration signingKeyAge() {
		Instant now = clock.instant();
		Duration age = Duration.between(signing(now).activatesAt(), now);
		return age.isNegative() ? Duration.ZERO : age;
	}

	private Loaded signing(Instant now) {
		List<Loaded> published = keys;
		return published.stream()
			.filter(key -> key.isPublishedAt(now) && !key.activatesAt().isAfter(now))
			.findFirst()
			// Every key is still waiting for its activation (a clock far behind another replica's): the nearest one.
			.or(() -> published.stream().filter(key -> key.isPublishedAt(now)).reduce((newer, older) -> older))
			.orElseThrow(() -> new IllegalStateException("No signing key is published; restart auth-service"));
	}

	/** Public halves of every key still trusted, as published at the JWKS endpoint. */
	public JWKSet publicJwkSet() {
		return new JWKSet(published().stream().map(JWK::toPublicJWK).toList());
	}

	/** Every trusted key, private halves included, for auth-service's own verification. */
	public JWKSet jwkSet() {
		return new JWKSet(published());
	}

	/** Reads the keys again, e.g. when a token names a key another replica has just created. */
	public void reload() {
		keys = load(clock.instant());
	}

	/** What {@link #rotate} and {@link #rotateIfDue} did: the new key, and when the others leave the key set. */
	public record Rotation(String newKid, Instant publishedAt, Instant activatesAt, List<String> retiringKids,
			Instant retiresAt) {
	}

	/**
	 * Starts a rotation now: a new key, published at once, signing from {@code publish-ahead} later.
	 *
	 * @throws RotationUnderWayException when a key is already waiting for its activation
	 */
	public Rotation rotate() {
		return rotateUnderLock(false).orElseThrow();
	}

	/** Starts a rotation when the signing key has signed for {@code rotate-every} and none is under way. */
	public Optional<Rotation> rotateIfDue() {
		if (!properties.rotatesAutomatically()) {
			return Optional.empty();
		}
		return rotateUnderLock(true);
	}

	/** How long a key stays published after it stopped signing: the longest token lifetime plus the clock skew. */
	Duration verifyAfterSigning() {
		return verifyAfterSigning;
	}

	private Optional<Rotation> rotateUnderLock(boolean onlyWhenDue) {
		Optional<Rotation> rotation;
		for (int attempt = 1;; attempt++) {
			try {
				rotation = rotateOnce(onlyWhenDue);
				break;
			}
			catch (PessimisticLockingFailureException deadlock) {
				// Not expected with the one lock row; should the database still pick this transaction as a deadlock's
				// victim (or time its lock wait out), trying again is right: it then waits for the other's rotation.
				if (attempt == 3) {
					throw deadlock;
				}
			}
		}
		rotation.ifPresent(done -> log.info("Signing key rotation: kid {} published, signs from {}; kids {} leave the key "
				+ "set at {}", done.newKid(), done.activatesAt(), done.retiringKids(), done.retiresAt()));
		reload();
		return rotation;
	}

	private Optional<Rotation> rotateOnce(boolean onlyWhenDue) {
		return transaction.execute(status -> {
			repository.lockRotation();
			List<SigningKey> rows = repository.findAllByOrderByCreatedAtDescKidAsc();
			Instant now = clock.instant();
			List<SigningKey> published = rows.stream().filter(row -> row.isPublishedAt(now)).toList();
			Optional<SigningKey> waiting = published.stream().filter(row -> row.activatesAt().isAfter(now)).findFirst();
			if (waiting.isPresent()) {
				if (onlyWhenDue) {
					return Optional.<Rotation>empty();
				}
				throw new RotationUnderWayException(waiting.get().kid(), waiting.get().activatesAt());
			}
			if (onlyWhenDue) {
				Instant signingSince = published.stream()
					.map(SigningKey::activatesAt)
					.max(Comparator.naturalOrder())
					.orElse(Instant.MIN);
				if (now.isBefore(signingSince.plus(properties.rotateEvery()))) {
					return Optional.<Rotation>empty();
				}
			}
			Instant activatesAt = now.plus(properties.publishAhead());
			Instant retiresAt = activatesAt.plus(verifyAfterSigning);
			List<String> retiring = published.stream().map(SigningKey::kid).toList();
			for (SigningKey row : published) {
				if (row.retiresAt() == null || row.retiresAt().isAfter(retiresAt)) {
					row.retireAt(retiresAt);
				}
			}
			SigningKey created = newKey(now, activatesAt);
			repository.saveAllAndFlush(published);
			return Optional.of(new Rotation(created.kid(), now, activatesAt, retiring, retiresAt));
		});
	}

	private List<JWK> published() {
		Instant now = clock.instant();
		return keys.stream().filter(key -> key.isPublishedAt(now)).map(key -> (JWK) key.jwk()).toList();
	}

	// Rows written before encryption at rest are encrypted once, by whichever replica starts first.
	private void encryptPlaintextKeys() {
		Integer encrypted = transaction.execute(status -> {
			int count = 0;
			repository.lockRotation();
			for (SigningKey row : repository.findAllByOrderByCreatedAtDescKidAsc()) {
				if (row.format() == SigningKey.Format.PLAIN) {
					row.encrypted(encryption.encrypt(row.kid(), Base64.getDecoder().decode(row.privateKey())));
					repository.save(row);
					count++;
				}
			}
			return count;
		});
		if (encrypted != null && encrypted > 0) {
			log.info("Signing keys stored in plaintext were encrypted at rest: {}", encrypted);
		}
	}

	private List<Loaded> loadOrCreate() {
		Instant now = clock.instant();
		List<Loaded> existing = load(now);
		if (!existing.isEmpty()) {
			log.info("Signing keys loaded: {} (current kid {})", existing.size(), existing.get(0).jwk().getKeyID());
			return existing;
		}
		SigningKey created = transaction.execute(status -> newKey(now, now));
		log.info("Signing key created: kid {}", created.kid());
		// Another replica may have created one at the same moment; both are trusted, the newest signs.
		return load(now);
	}

	private SigningKey newKey(Instant now, Instant activatesAt) {
		KeyPair pair = generate();
		String kid = UUID.randomUUID().toString();
		return repository.saveAndFlush(new SigningKey(kid, "RS256",
				Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
				encryption.encrypt(kid, pair.getPrivate().getEncoded()), now, activatesAt));
	}

	// Retired keys are not even decrypted: nothing verifies with them any more.
	private List<Loaded> load(Instant now) {
		return repository.findAllByOrderByCreatedAtDescKidAsc()
			.stream()
			.filter(row -> row.isPublishedAt(now))
			.map(this::toLoaded)
			.sorted(SIGNING_ORDER)
			.toList();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("RSA is not available in this JVM", ex);
		}
	}

	private Loaded toLoaded(SigningKey key) {
		byte[] privateKey = key.format() == SigningKey.Format.PLAIN ? Base64.getDecoder().decode(key.privateKey())
				: encryption.decrypt(key.kid(), key.privateKey());
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.publicKey())));
			RSAPrivateKey privateHalf = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
			RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateHalf)
				.keyID(key.kid())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			return new Loaded(jwk, key.createdAt(), key.activatesAt(), key.retiresAt());
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("Signing key " + key.kid() + " cannot be read", ex);
		}
	}

	private record Loaded(RSAKey jwk, Instant createdAt, Instant activatesAt, Instant retiresAt) {

		boolean isPublishedAt(Instant now) {
			return retiresAt == null || retiresAt.isAfter(now);
		}
	}

	/** A rotation was asked for while the key of the last one still waits to sign. */
	public static final class RotationUnderWayException extends RuntimeException {

		private final String kid;

		private final Instant activatesAt;

		RotationUnderWayException(String kid, Instant activatesAt) {
			super("Signing key " + kid + " is published and signs from " + activatesAt);
			this.kid = kid;
			this.activatesAt = activatesAt;
		}

		public String kid() {
			return kid;
		}

		public Instant activatesAt() {
			return activatesAt;
		}
	}
}
