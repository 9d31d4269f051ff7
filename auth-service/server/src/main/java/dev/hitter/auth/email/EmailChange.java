package dev.hitter.auth.email;

import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.hitter.auth.audit.AuditEvent;
import dev.hitter.auth.audit.AuditKinds;
import dev.hitter.auth.audit.AuditLog;
import dev.hitter.auth.AuthProblems;
import dev.hitter.auth.mail.MailMessages;
import dev.hitter.auth.mail.MailProperties;
import dev.hitter.auth.mail.MailToken;
import dev.hitter.auth.mail.MailTokenPurpose;
import dev.hitter.auth.mail.MailTokens;
import dev.hitter.auth.mail.Mailer;
import dev.hitter.auth.member.MemberAccount;
import dev.hitter.auth.member.MemberRepository;
import dev.hitter.auth.signup.SignUpMember;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * Moving an account to a new address: the member re-enters their password, a link goes to the new address and a
 * notice to the old one, and only the link — opened by the same member, signed in — moves the account. Whether
 * the new address already has an account is not told to the asker (its owner gets a notice instead).
 */
@Service
public class EmailChange {

	private final MemberRepository members;

	private final PasswordEncoder passwordEncoder;

	private final MailTokens tokens;

	private final Mailer mailer;

	private final MailMessages messages;

	private final MailProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	EmailChange(MemberRepository members, PasswordEncoder passwordEncoder, MailTokens tokens, Mailer mailer,
			MailMessages messages, MailProperties properties, TransactionTemplate transaction, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.tokens = tokens;
		this.mailer = mailer;
		this.messages = messages;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	public void request(UUID memberId, EmailChangeRequest request) {
		MemberAccount account = members.findById(memberId)
			.orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "This account no longer exists."));
		// Argon2 is slow on purpose: outside any transaction.
		if (!passwordEncoder.matches(request.currentPassword(), account.passwordHash())) {
			throw ApiException.forField(AuthProblems.CURRENT_PASSWORD_WRONG, "currentPassword",
					"is not your current password");
		}
		String newEmail = SignUpMember.normaliseEmail(request.newEmail());
		if (newEmail.equals(account.email())) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "newEmail", "is already your address");
		}
		if (members.existsByEmail(newEmail)) {
			mailer.send(messages.emailChangeAttempt(newEmail));
			return;
		}
		String token = transaction.execute(status -> tokens.issue(account.id(), MailTokenPurpose.CHANGE_EMAIL,
				newEmail, properties.emailChangeLinkTtl()));
		mailer.send(messages.emailChange(newEmail, token));
		mailer.send(messages.emailChangeRequested(account.email(), newEmail));
	}

	/** Opens the link: only the member it was made for, and only while the new address is still free. */
	public void confirm(UUID memberId, String token) {
		MailToken link = tokens.peek(token, MailTokenPurpose.CHANGE_EMAIL);
		if (!link.memberId().equals(memberId)) {
			// Not spent: the right member may still open it.
			throw MailTokens.invalidLink();
		}
		try {
			transaction.executeWithoutResult(status -> {
				MailToken spent = tokens.spend(token, MailTokenPurpose.CHANGE_EMAIL);
				if (members.existsByEmail(spent.email())) {
					throw MailTokens.invalidLink();
				}
				MemberAccount account = members.findById(memberId).orElseThrow(MailTokens::invalidLink);
				account.changeEmail(spent.email(), clock.instant());
				// Neither address: the log outlives an account's deletion, which must take its address with it.
				audit.record(AuditEvent.of(AuditKinds.EMAIL_CHANGED, memberId, "confirmed at the new address"));
				members.flush();
			});
		}
		catch (DataIntegrityViolationException raceLost) {
			throw MailTokens.invalidLink();
		}
	}
}
