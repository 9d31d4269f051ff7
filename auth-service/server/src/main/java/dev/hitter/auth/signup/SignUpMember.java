package dev.hitter.auth.signup;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.email.EmailVerification;
import dev.hitter.auth.mail.MailMessages;
import dev.hitter.auth.mail.Mailer;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberKind;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Role;

/**
 * Creates member accounts. A sign-up never tells whether the address was free: a new account gets a verification
 * link, the owner of a taken address a mail saying someone tried; both paths hash the password (the slow part)
 * and leave the mail to the background, so the answer and its timing are the same.
 */
@Service
public class SignUpMember {

	private final MemberRepository members;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final TransactionTemplate transaction;

	private final EmailVerification verification;

	private final Mailer mailer;

	private final MailMessages messages;

	private final Clock clock;

	private final AuditLog audit;

	SignUpMember(MemberRepository members, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			TransactionTemplate transaction, EmailVerification verification, Mailer mailer, MailMessages messages,
			Clock clock, AuditLog audit) {
		this.audit = audit;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.transaction = transaction;
		this.verification = verification;
		this.mailer = mailer;
		this.messages = messages;
		this.clock = clock;
	}

	/** The API's sign-up: the answer says nothing about the address; the mail does, to its owner only. */
	public void signUp(SignupRequest request) {
		String email = normaliseEmail(request.email());
		Optional<MemberAccount> created = create(request, email, Set.of(Role.MEMBER), false);
		if (created.isPresent()) {
			verification.sendLink(created.get());
		}
		else {
			mailer.send(messages.signUpAttempt(email));
		}
	}

	/**
	 * An account made by the operator's settings (the bootstrap administrator), whose address is verified by
	 * whoever set it there; refused with {@code email-taken} when the address has an account.
	 */
	public MemberAccount createVerified(SignupRequest request, Set<Role> roles) {
		String email = normaliseEmail(request.email());
		return create(request, email, roles, true)
			.orElseThrow(() -> ApiException.forField(AuthProblems.EMAIL_TAKEN, "email", "is already registered"));
	}

	/** The new account, or nothing when the address is taken (also when a concurrent sign-up took it). */
	private Optional<MemberAccount> create(SignupRequest request, String email, Set<Role> roles, boolean verified) {
		passwordPolicy.check(request.password(), email).ifPresent(rule -> {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "password", rule);
		});
		MemberKind kind = MemberKind.fromApiName(request.kind())
			.orElseThrow(() -> ApiException.forField(ProblemType.VALIDATION_FAILED, "kind",
					"must be one of artist, producer, label, other"));
		// Hash outside the transaction, taken address or not: it is the slow part and needs no connection.
		String hash = passwordEncoder.encode(request.password());
		try {
			return transaction.execute(status -> {
				if (members.existsByEmail(email)) {
					return Optional.<MemberAccount>empty();
				}
				MemberAccount account = new MemberAccount(email, hash, request.displayName().strip(), kind, roles,
						clock.instant());
				if (verified) {
					account.verifyEmail(clock.instant());
				}
				MemberAccount saved = members.saveAndFlush(account);
				audit.record(AuditEvent.of(AuditKinds.SIGNED_UP, saved.id(),
						verified ? "created from the operator's settings, roles " + roles : null));
				return Optional.of(saved);
			});
		}
		catch (DataIntegrityViolationException raceLost) {
			return Optional.empty();
		}
	}

	public static String normaliseEmail(String email) {
		return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
	}
}
