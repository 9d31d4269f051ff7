package dev.hitter.auth.signup;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberKind;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Role;

/** Creates a member account from a sign-up, or says which field stops it. */
@Service
public class SignUpMember {

	private final MemberRepository members;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SignUpMember(MemberRepository members, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			TransactionTemplate transaction, Clock clock) {
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.transaction = transaction;
		this.clock = clock;
	}

	public MemberAccount signUp(SignupRequest request) {
		return signUp(request, Set.of(Role.MEMBER));
	}

	public MemberAccount signUp(SignupRequest request, Set<Role> roles) {
		String email = normaliseEmail(request.email());
		passwordPolicy.check(request.password(), email).ifPresent(rule -> {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "password", rule);
		});
		MemberKind kind = MemberKind.fromApiName(request.kind())
			.orElseThrow(() -> ApiException.forField(ProblemType.VALIDATION_FAILED, "kind",
					"must be one of artist, producer, label, other"));
		// Hash outside the transaction: it is the slow part and needs no connection.
		String hash = passwordEncoder.encode(request.password());
		try {
			return transaction.execute(status -> {
				if (members.existsByEmail(email)) {
					throw emailTaken();
				}
				return members.saveAndFlush(new MemberAccount(email, hash, request.displayName().strip(), kind, roles,
						clock.instant()));
			});
		}
		catch (DataIntegrityViolationException raceLost) {
			throw emailTaken();
		}
	}

	public static String normaliseEmail(String email) {
		return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	private static ApiException emailTaken() {
		return ApiException.forField(AuthProblems.EMAIL_TAKEN, "email", "is already registered");
	}
}
