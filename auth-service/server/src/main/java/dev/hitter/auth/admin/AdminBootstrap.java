package dev.hitter.auth.admin;

import java.time.Clock;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.AuthProperties;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.signup.SignUpMember;
import dev.hitter.auth.signup.SignupRequest;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.security.Role;

/**
 * Makes sure the administrator named in the settings exists and has the ADMIN role. There is no default
 * administrator: without {@code hitter.auth.admin.email} nobody is promoted.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AuthProperties properties;

	private final MemberRepository members;

	private final SignUpMember signUpMember;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AdminBootstrap(AuthProperties properties, MemberRepository members, SignUpMember signUpMember,
			TransactionTemplate transaction, Clock clock) {
		this.properties = properties;
		this.members = members;
		this.signUpMember = signUpMember;
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
		boolean promoted = Boolean.TRUE.equals(transaction.execute(status -> members.findByEmail(email).map(member -> {
			member.grant(Role.ADMIN, clock.instant());
			return true;
		}).orElse(false)));
		if (promoted) {
			log.info("Administrator {} has the ADMIN role", email);
			return;
		}
		if (admin.password() == null || admin.password().isBlank()) {
			throw new IllegalStateException("hitter.auth.admin.email is set to " + email
					+ " but no account exists and hitter.auth.admin.password (HITTER_ADMIN_PASSWORD) is not set");
		}
		try {
			signUpMember.signUp(new SignupRequest(email, admin.password(), admin.displayName(), "other"),
					EnumSet.of(Role.MEMBER, Role.ADMIN));
		}
		catch (ApiException refused) {
			throw new IllegalStateException("The administrator in hitter.auth.admin cannot be created: "
					+ refused.fieldProblems() + " " + refused.getMessage());
		}
		log.info("Administrator {} created", email);
	}
}
