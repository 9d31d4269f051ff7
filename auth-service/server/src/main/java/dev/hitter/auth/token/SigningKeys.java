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
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The key pairs auth-service signs with. The first start creates one and stores it in hitter_auth;
 * every later start (and every replica) reads the same keys, so tokens survive restarts.
 */
@Component
public class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final SigningKeyRepository repository;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private volatile List<RSAKey> keys;

	SigningKeys(SigningKeyRepository repository, TransactionTemplate transaction, Clock clock) {
		this.repository = repository;
		this.transaction = transaction;
		this.clock = clock;
		this.keys = loadOrCreate();
	}

	/** The key new tokens are signed with: the newest. */
	public RSAKey current() {
		return keys.get(0);
	}

	/** Public halves of every key still trusted, as published at the JWKS endpoint. */
	public JWKSet publicJwkSet() {
		return new JWKSet(keys.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList());
	}

	/** Every trusted key, private halves included, for auth-service's own verification. */
	public JWKSet jwkSet() {
		return new JWKSet(keys.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key).toList());
	}

	/** Reads the keys again, e.g. when a token names a key another replica has just created. */
	public void reload() {
		keys = repository.findAllByOrderByCreatedAtDescKidAsc().stream().map(SigningKeys::toJwk).toList();
	}

	private List<RSAKey> loadOrCreate() {
		List<RSAKey> existing = repository.findAllByOrderByCreatedAtDescKidAsc().stream().map(SigningKeys::toJwk).toList();
		if (!existing.isEmpty()) {
			log.info("Signing keys loaded: {} (current kid {})", existing.size(), existing.get(0).getKeyID());
			return existing;
		}
		KeyPair pair = generate();
		String kid = UUID.randomUUID().toString();
		Base64.Encoder base64 = Base64.getEncoder();
		transaction.executeWithoutResult(status -> repository.saveAndFlush(new SigningKey(kid, "RS256",
				base64.encodeToString(pair.getPublic().getEncoded()),
				base64.encodeToString(pair.getPrivate().getEncoded()), clock.instant())));
		log.info("Signing key created: kid {}", kid);
		// Another replica may have created one at the same moment; both are trusted, the newest signs.
		return repository.findAllByOrderByCreatedAtDescKidAsc().stream().map(SigningKeys::toJwk).toList();
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

	private static RSAKey toJwk(SigningKey key) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			Base64.Decoder base64 = Base64.getDecoder();
			RSAPublicKey publicKey = (RSAPublicKey) factory
				.generatePublic(new X509EncodedKeySpec(base64.decode(key.publicKey())));
			RSAPrivateKey privateKey = (RSAPrivateKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(key.privateKey())));
			return new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyID(key.kid())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("Signing key " + key.kid() + " cannot be read", ex);
		}
	}
}
