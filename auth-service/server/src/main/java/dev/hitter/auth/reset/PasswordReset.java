package dev.hitter.auth.reset;

import java.time.Clock;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.mail.MailMessages;
import dev.hitter.auth.mail.MailProperties;
import dev.hitter.auth.mail.MailToken;
import dev.hitter.auth.mail.MailTokenPurpose;
import dev.hitter.auth.mail.MailTokens;
import dev.hitter.auth.mail.Mailer;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.session.Sessions;
import dev.hitter.auth.signup.PasswordPolicy;
import dev.hitter.auth.signup.SignUpMember;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * A forgotten password: a short-lived, single-use link to the account's address, and a new password that ends
 * every session. Asking never tells whether the address has an account: the look-up runs in the background, so
 * the answer is the same, in content and in time.
 */
@Service
public class PasswordReset {

	private final MemberRepository members;

	private final MailTokens tokens;

	private final Mailer mailer;

	private final MailMessages messages;

	private final MailProperties properties;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final Sessions sessions;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	PasswordReset(MemberRepository members, MailTokens tokens, Mailer mailer, MailMessages messages,
			MailProperties properties, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, Sessions sessions,
			TransactionTemplate transaction, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.members = members;
		this.tokens = tokens;
		this.mailer = mailer;
		this.messages = messages;
		this.properties = properties;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.transaction = transaction;
		this.clock = clock;
	}

	public void request(String email) {
		String address = SignUpMember.normaliseEmail(email);
		mailer.later(() -> members.findByEmail(address).ifPresent(account -> {
			String token = transaction.execute(status -> tokens.issue(account.id(), MailTokenPurpose.RESET_PASSWORD,
					account.email(), properties.passwordResetLinkTtl()));
			mailer.send(messages.passwordReset(account.email(), token));
		}));
	}

	public void confirm(String token, String newPassword) {
		// Checked before the link is spent, so that a refused password can be corrected with the same link.
		MailToken link = tokens.peek(token, MailTokenPurpose.RESET_PASSWORD);
		MemberAccount account = members.findById(link.memberId()).orElseThrow(MailTokens::invalidLink);
		passwordPolicy.check(newPassword, account.email()).ifPresent(rule -> {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "newPassword", rule);
		});
		String hash = passwordEncoder.encode(newPassword);
		String address = transaction.execute(status -> {
			MailToken spent = tokens.spend(token, MailTokenPurpose.RESET_PASSWORD);
			MemberAccount member = members.findById(spent.memberId()).orElseThrow(MailTokens::invalidLink);
			member.changePasswordHash(hash, clock.instant());
			// Opening a link sent to the address proves it is theirs, as a verification link would.
			if (member.email().equals(spent.email())) {
				member.verifyEmail(clock.instant());
			}
			sessions.endAll(member.id());
			audit.record(AuditEvent.of(AuditKinds.PASSWORD_RESET, member.id(), "by a mailed link; every session ended"));
			return member.email();
		});
		mailer.send(messages.passwordWasReset(address));
	}
}
