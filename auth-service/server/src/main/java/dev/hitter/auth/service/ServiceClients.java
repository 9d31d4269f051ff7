package dev.hitter.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Checks a service's client id and secret. The comparison takes the same time whether the id is unknown, the secret
 * wrong in its first character or its last: both sides are hashed and compared in constant time.
 */
@Component
class ServiceClients {

	// Compared against when the client id is unknown, so that an unknown id costs what a known one does.
	private static final byte[] NOBODY = sha256("no such client " + System.nanoTime());

	private final Map<String, String> secrets;

	ServiceClients(ServiceClientProperties properties) {
		this.secrets = Map.copyOf(properties.secrets()
			.entrySet()
			.stream()
			.filter(e -> e.getValue() != null && !e.getValue().isEmpty())
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	/** The client id, when the secret is that client's. */
	Optional<String> authenticate(String clientId, String secret) {
		String known = clientId == null ? null : secrets.get(clientId);
		byte[] expected = known == null ? NOBODY : sha256(known);
		boolean matches = MessageDigest.isEqual(expected, sha256(secret == null ? "" : secret));
		return known != null && matches ? Optional.of(clientId) : Optional.empty();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
