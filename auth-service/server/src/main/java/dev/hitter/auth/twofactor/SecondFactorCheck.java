package dev.hitter.auth.twofactor;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * For flows outside this package that must see the second factor again before something grave (deleting the
 * account): whether two-factor is on, and whether a code — the app's six digits or a recovery code — is right
 * (using it up, as at sign-in).
 */
@Component
public class SecondFactorCheck {

	private final TwoFactorStore store;

	private final SecondFactor secondFactor;

	SecondFactorCheck(TwoFactorStore store, SecondFactor secondFactor) {
		this.store = store;
		this.secondFactor = secondFactor;
	}

	public boolean isEnabled(UUID memberId) {
		return store.state(memberId).map(TwoFactorStore.TotpState::enabled).orElse(false);
	}

	/** A TOTP code if it looks like one (six digits), else a recovery code; true only if right and unused. */
	public boolean use(UUID memberId, String code) {
		if (code == null) {
			return false;
		}
		if (code.matches(TwoFactorRequests.CODE)) {
			String secret = store.state(memberId).map(TwoFactorStore.TotpState::secret).orElse(null);
			return secret != null && secondFactor.useCode(memberId, secret, code);
		}
		return code.matches(TwoFactorRequests.RECOVERY_CODE) && secondFactor.useRecoveryCode(memberId, code);
	}
}
