package dev.hitter.auth.partner;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes partner client ids and secrets and checks secrets against their stored hash.
 * <p>
 * The hash is HMAC-SHA256 keyed with a server-side pepper, compared in constant time — deliberately not bcrypt or
 * Argon2 like member passwords. A password is guessable, so its hash must be slow; a client secret is 256 random bits,
 * which no amount of hashing speed makes guessable, so a slow hash would protect nothing. It would instead hand
 * anyone who can reach the public token endpoint a lever to burn our CPU: every request with a made-up secret for a
 * known client id would cost a bcrypt round. The pepper means a stolen copy of the table cannot even confirm a guess.
 * <p>
 * {@link #asPasswordEncoder()} is the token endpoint's client authentication, so that Spring Authorization Server
 * compares secrets exactly this way (and never with the members' Argon2 encoder). Not a PasswordEncoder bean itself:
 * the members' encoder is injected by type.
 */
@Component
public class ClientSecrets {

	static final String CLIENT_ID_PREFIX = "hc_";

	static final String SECRET_PREFIX = "hs_";

	private static final String HASH_PREFIX = "hmac-sha256:";

	private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

	// Used when no pepper is set: the hash is then as strong as SHA-256 of a 256-bit random value, still unguessable.
	private static final String BUILT_IN_KEY = "hitter-partner-client-secret-v1";

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	ClientSecrets(PartnerProperties properties) {
		String pepper = properties.secretPepper() == null || properties.secretPepper().isEmpty() ? BUILT_IN_KEY
				: properties.secretPepper();
		this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** {@code hc_} and 24 base62 characters (143 bits): not secret, but not guessable either. */
	String newClientId() {
		StringBuilder id = new StringBuilder(CLIENT_ID_PREFIX);
		for (int i = 0; i < 24; i++) {
			id.append(BASE62[random.nextInt(BASE62.length)]);
		}
		return id.toString();
	}

	/** {@code hs_} and 43 base64url characters: 32 random bytes. */
	String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** This hash as a PasswordEncoder, for Spring Authorization Server's ClientSecretAuthenticationProvider. */
	PasswordEncoder asPasswordEncoder() {
		return new PasswordEncoder() {
			@Override
			public String encode(CharSequence secret) {
				return ClientSecrets.this.encode(secret);
			}

			@Override
			public boolean matches(CharSequence secret, String stored) {
				return ClientSecrets.this.matches(secret, stored);
			}
		};
	}

	public String encode(CharSequence secret) {
		return HASH_PREFIX + Base64.getEncoder().encodeToString(mac(secret));
	}

	public boolean matches(CharSequence secret, String stored) {
		if (secret == null || stored == null || !stored.startsWith(HASH_PREFIX) || secret.length() > 200) {
			return false;
		}
		byte[] expected;
		try {
			expected = Base64.getDecoder().decode(stored.substring(HASH_PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(mac(secret), expected);
	}

	private byte[] mac(CharSequence secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(secret.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}
}
