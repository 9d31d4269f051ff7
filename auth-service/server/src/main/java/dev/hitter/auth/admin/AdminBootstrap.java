package dev.hitter.auth.admin;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.AuthProperties;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.signup.SignUpMember;
import dev.hitter.auth.signup.SignupRequest;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.security.Role;

/**
 * Makes sure the administrator named in the settings exists and has the ADMIN role. There is no default
 * administrator: without {@code hitter.auth.admin.email} nobody is promoted.
 * <p>
 * Sign-up is open, so an account that already holds the address proves nothing (an unverified one was possibly
 * registered by a stranger first). Such an account is promoted only when its password is the administrator
 * password of the settings ({@code HITTER_ADMIN_PASSWORD}); otherwise it stays a member and a warning names the
 * address (docs/identity.md).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AuthProperties properties;

	private final MemberRepository members;

	private final SignUpMember signUpMember;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	AdminBootstrap(AuthProperties properties, MemberRepository members, SignUpMember signUpMember,
			PasswordEncoder passwordEncoder, TransactionTemplate transaction, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.properties = properties;
		this.members = members;
		this.signUpMember = signUpMember;
		this.passwordEncoder = passwordEncoder;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		AuthProperties.Admin admin = properties.admin();
		if (admin.email() == null || admin.email().isBlank()) {
			return;
		}
		String email = SignUpMember.normaliseEmail(admin.email());
		boolean hasPassword = admin.password() != null && !admin.password().isBlank();
		Optional<MemberAccount> existing = members.findByEmail(email);
		if (existing.isPresent() && existing.get().roles().contains(Role.ADMIN)) {
			// Already an administrator (e.g. created here earlier): nothing to grant, whatever the password now is.
			// Its address is the operator's setting: verified (accounts made before verification existed).
			if (!existing.get().emailVerified()) {
				promote(existing.get());
			}
			log.info("Administrator {} has the ADMIN role", email);
			return;
		}
		if (existing.isPresent()) {
			// Argon2 is slow on purpose: verify outside the transaction.
			if (hasPassword && passwordEncoder.matches(admin.password(), existing.get().passwordHash())) {
				promote(existing.get());
				log.info("Administrator {} has the ADMIN role", email);
			}
			else {
				log.warn("Administrator {} NOT promoted: an account with this address exists but its password is not "
						+ "the administrator password (hitter.auth.admin.password, HITTER_ADMIN_PASSWORD). Anyone "
						+ "can register an address; if the account is yours, set its password there and restart, "
						+ "otherwise choose another administrator address", email);
			}
			return;
		}
		if (!hasPassword) {
			throw new IllegalStateException("hitter.auth.admin.email is set to " + email
					+ " but no account exists and hitter.auth.admin.password (HITTER_ADMIN_PASSWORD) is not set");
		}
		try {
			signUpMember.createVerified(new SignupRequest(email, admin.password(), admin.displayName(), "other"),
					EnumSet.of(Role.MEMBER, Role.ADMIN));
		}
		catch (ApiException refused) {
			throw new IllegalStateException("The administrator in hitter.auth.admin cannot be created: "
					+ refused.fieldProblems() + " " + refused.getMessage());
		}
		log.info("Administrator {} created", email);
	}

	private void promote(MemberAccount account) {
		transaction.executeWithoutResult(status -> members.findById(account.id())
			.ifPresent(member -> {
				if (!member.roles().contains(Role.ADMIN)) {
					audit.record(new AuditEvent(AuditKinds.ROLE_CHANGED, member.id(), null,
							"ADMIN granted by the operator's settings"));
				}
				member.grant(Role.ADMIN, clock.instant());
				// The operator named this address in the settings, and the password proved the account theirs.
				member.verifyEmail(clock.instant());
			}));
	}
}
