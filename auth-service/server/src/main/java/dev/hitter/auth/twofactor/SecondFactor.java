package dev.hitter.auth.twofactor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Checks a member's second factor — a TOTP code, or one of their recovery codes — and uses it up: a code's time step
 * is never accepted twice, a recovery code only once.
 */
@Component
class SecondFactor {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final int RECOVERY_CODES = 10;

	// Base32 without the letters and digits people confuse (0/O, 1/I/L): 10 of them carry 49 bits.
	private static final String RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private final TwoFactorStore store;

	private final Clock clock;

	SecondFactor(TwoFactorStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Whether the code (six digits, spaces allowed) is the member's current one, unused; uses it if so. */
	boolean useCode(UUID memberId, String secret, String code) {
		OptionalLong step = matchingStep(secret, code, clock.instant());
		return step.isPresent() && store.useStep(memberId, step.getAsLong());
	}

	boolean useRecoveryCode(UUID memberId, String recoveryCode) {
		return store.useRecoveryCode(memberId, Hashes.sha256(normaliseRecoveryCode(recoveryCode)), clock.instant());
	}

	static OptionalLong matchingStep(String secret, String code, Instant now) {
		String digits = code.replace(" ", "");
		if (!digits.matches("\\d{" + Totp.DIGITS + "}")) {
			return OptionalLong.empty();
		}
		return Totp.matchingStep(Base32.decode(secret), digits, now);
	}

	/** Ten new codes, shown once as {@code XXXXX-XXXXX}; only their hashes are kept. */
	List<String> newRecoveryCodes(UUID memberId) {
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		while (codes.size() < RECOVERY_CODES) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < 10; i++) {
				code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
			}
			String hash = Hashes.sha256(code.toString());
			if (!hashes.contains(hash)) {
				hashes.add(hash);
				codes.add(code.substring(0, 5) + "-" + code.substring(5));
			}
		}
		store.replaceRecoveryCodes(memberId, hashes, clock.instant());
		return codes;
	}

	static String normaliseRecoveryCode(String code) {
		return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
	}

	static String newSecret() {
		byte[] key = new byte[20];
		RANDOM.nextBytes(key);
		return Base32.encode(key);
	}
}
