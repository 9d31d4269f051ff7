package dev.hitter.auth.token;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;

/**
 * Rotates the signing keys when an administrator asks, or on its own every {@code rotate-every}; each rotation is
 * recorded in the audit log. Every minute each replica also reads the keys again, so that a key another replica
 * introduced is in its key set long before it signs.
 */
@Service
public class SigningKeyRotation {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

	private final SigningKeys signingKeys;

	private final AuditLog audit;

	SigningKeyRotation(SigningKeys signingKeys, AuditLog audit) {
		this.signingKeys = signingKeys;
		this.audit = audit;
	}

	/**
	 * @throws SigningKeys.RotationUnderWayException when the last rotation's key has not started signing yet
	 */
	public SigningKeys.Rotation rotateBy(UUID administrator) {
		SigningKeys.Rotation rotation = signingKeys.rotate();
		audit.record(new AuditEvent(AuditKinds.SIGNING_KEY_ROTATED, null, administrator, detail(rotation)));
		return rotation;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
	void maintain() {
		try {
			signingKeys.reload();
			signingKeys.rotateIfDue()
				.ifPresent(rotation -> audit
					.record(new AuditEvent(AuditKinds.SIGNING_KEY_ROTATED, null, null, "on schedule: " + detail(rotation))));
		}
		catch (RuntimeException ex) {
			// The keys in memory stay as they were; the next minute tries again.
			log.warn("Signing keys could not be read again or rotated: {}", ex.toString());
		}
	}

	private static String detail(SigningKeys.Rotation rotation) {
		return "kid " + rotation.newKid() + " signs from " + rotation.activatesAt() + "; " + rotation.retiringKids()
				+ " leave the key set at " + rotation.retiresAt();
	}
}
