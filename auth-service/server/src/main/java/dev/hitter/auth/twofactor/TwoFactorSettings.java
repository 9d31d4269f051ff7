package dev.hitter.auth.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.throttle.LoginThrottle;
import dev.hitter.auth.throttle.LoginThrottle.Attempt;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.ProblemType;

/**
 * A member turns TOTP two-factor sign-in on and off. Set-up hands out a new secret (kept pending); enabling needs a
 * code from the app made with it, and answers ten recovery codes — the only time they are shown. Disabling needs the
 * password and a code. Wrong codes and passwords here are charged to the login throttle like failed sign-ins.
 */
@Service
public class TwoFactorSettings {

	private static final Logger log = LoggerFactory.getLogger(TwoFactorSettings.class);

	private final TwoFactorStore store;

	private final SecondFactor secondFactor;

	private final MemberRepository members;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final TwoFactorProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	TwoFactorSettings(TwoFactorStore store, SecondFactor secondFactor, MemberRepository members,
			PasswordEncoder passwordEncoder, LoginThrottle throttle, TwoFactorProperties properties,
			TransactionTemplate transaction, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.store = store;
		this.secondFactor = secondFactor;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	public TwoFactorStatus status(UUID memberId) {
		TwoFactorStore.TotpState state = state(memberId);
		return new TwoFactorStatus(state.enabled(), state.enabledAt(),
				state.enabled() ? store.recoveryCodesLeft(memberId) : 0);
	}

	/** A new secret for the app, replacing any earlier one not yet enabled. */
	public TwoFactorSetup setUp(UUID memberId) {
		MemberAccount account = account(memberId);
		if (state(memberId).enabled()) {
			throw new ApiException(AuthProblems.TWO_FACTOR_ALREADY_ENABLED,
					"Two-factor sign-in is already on; turn it off first to set up another app.");
		}
		String secret = SecondFactor.newSecret();
		store.setPending(memberId, secret);
		return new TwoFactorSetup(secret, otpauthUri(account.email(), secret));
	}

	public List<String> enable(UUID memberId, TwoFactorRequests.Enable request, String clientAddress) {
		MemberAccount account = account(memberId);
		TwoFactorStore.TotpState state = state(memberId);
		if (state.enabled() || state.pendingSecret() == null) {
			throw new ApiException(AuthProblems.TWO_FACTOR_NOT_ENABLED, state.enabled()
					? "Two-factor sign-in is already on." : "Set two-factor sign-in up first.");
		}
		Attempt attempt = throttle.admit(account.email(), clientAddress);
		Instant now = clock.instant();
		OptionalLong step = SecondFactor.matchingStep(state.pendingSecret(), request.code(), now);
		if (step.isEmpty()) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "code",
					"is not the app's current code; check the phone's clock and try the next one");
		}
		throttle.succeeded(attempt);
		List<String> codes = transaction.execute(status -> {
			if (!store.enable(memberId, state.pendingStored(), step.getAsLong(), now)) {
				throw new ApiException(AuthProblems.TWO_FACTOR_NOT_ENABLED,
						"The set-up changed meanwhile; set two-factor sign-in up again.");
			}
			audit.record(AuditEvent.of(AuditKinds.TWO_FACTOR_ENABLED, memberId));
			return secondFactor.newRecoveryCodes(memberId);
		});
		log.info("Member {} turned two-factor sign-in on", memberId);
		return codes;
	}

	public void disable(UUID memberId, TwoFactorRequests.Disable request, String clientAddress) {
		MemberAccount account = account(memberId);
		TwoFactorStore.TotpState state = state(memberId);
		if (!state.enabled()) {
			throw new ApiException(AuthProblems.TWO_FACTOR_NOT_ENABLED, "Two-factor sign-in is not on.");
		}
		Attempt attempt = throttle.admit(account.email(), clientAddress);
		boolean passwordRight = passwordEncoder.matches(request.password(), account.passwordHash());
		// The code is checked (and used) only with the right password: a wrong password must not burn a code.
		boolean codeRight = passwordRight && (request.code() != null ? secondFactor.useCode(memberId, state.secret(),
				request.code()) : secondFactor.useRecoveryCode(memberId, request.recoveryCode()));
		if (!passwordRight || !codeRight) {
			List<FieldProblem> wrong = !passwordRight ? List.of(new FieldProblem("password", "is wrong"))
					: List.of(new FieldProblem(request.code() != null ? "code" : "recoveryCode",
							"is wrong or was used already"));
			audit.record(AuditEvent.of(AuditKinds.TWO_FACTOR_CODE_FAILED, memberId,
					"turning two-factor off: " + wrong.get(0).field() + " wrong"));
			throw new ApiException(ProblemType.VALIDATION_FAILED, wrong.get(0).field() + " is wrong", wrong);
		}
		throttle.succeeded(attempt);
		transaction.executeWithoutResult(status -> {
			store.disable(memberId);
			audit.record(AuditEvent.of(AuditKinds.TWO_FACTOR_DISABLED, memberId,
					request.code() != null ? "with an authenticator code" : "with a recovery code"));
		});
		log.info("Member {} turned two-factor sign-in off", memberId);
	}

	private String otpauthUri(String email, String secret) {
		String issuer = URLEncoder.encode(properties.issuer(), StandardCharsets.UTF_8).replace("+", "%20");
		String label = issuer + ":" + URLEncoder.encode(email, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + issuer + "&algorithm=SHA1&digits="
				+ Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
	}

	private TwoFactorStore.TotpState state(UUID memberId) {
		return store.state(memberId).orElseThrow(TwoFactorSettings::accountGone);
	}

	private MemberAccount account(UUID memberId) {
		return members.findById(memberId).orElseThrow(TwoFactorSettings::accountGone);
	}

	private static ApiException accountGone() {
		return new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists.");
	}

	/** Whether two-factor is on, since when, and how many recovery codes are left unused. */
	public record TwoFactorStatus(boolean enabled, Instant enabledAt, int recoveryCodesLeft) {
	}

	/**
	 * A secret being set up: the web app draws {@code otpauthUri} as a QR code; {@code secret} is for typing it in.
	 */
	public record TwoFactorSetup(String secret, String otpauthUri) {
	}

	/** The recovery codes, shown this once. */
	public record RecoveryCodes(List<String> recoveryCodes) {
	}
}
