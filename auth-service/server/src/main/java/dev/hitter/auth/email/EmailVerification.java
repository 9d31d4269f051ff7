package dev.hitter.auth.email;

import java.time.Clock;
import java.util.UUID;

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

/**
 * Proving a member reads mail at their address: a link mailed there, opened once. A link is only good for the
 * address it was sent to — after an e-mail change, a link for the old address is refused.
 */
@Service
public class EmailVerification {

	private final MemberRepository members;

	private final MailTokens tokens;

	private final Mailer mailer;

	private final MailMessages messages;

	private final MailProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	EmailVerification(MemberRepository members, MailTokens tokens, Mailer mailer, MailMessages messages,
			MailProperties properties, TransactionTemplate transaction, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.members = members;
		this.tokens = tokens;
		this.mailer = mailer;
		this.messages = messages;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Mails a fresh link to the member's address; earlier links stop working. */
	public void sendLink(MemberAccount account) {
		String token = transaction.execute(status -> tokens.issue(account.id(), MailTokenPurpose.VERIFY_EMAIL,
				account.email(), properties.verificationLinkTtl()));
		mailer.send(messages.verification(account.email(), token));
	}

	/** Resend for a signed-in member; nothing to do once verified (or for an account deleted since). */
	public void resend(UUID memberId) {
		members.findById(memberId).filter(account -> !account.emailVerified()).ifPresent(this::sendLink);
	}

	public void verify(String token) {
		transaction.executeWithoutResult(status -> {
			MailToken spent = tokens.spend(token, MailTokenPurpose.VERIFY_EMAIL);
			MemberAccount account = members.findById(spent.memberId())
				.filter(member -> member.email().equals(spent.email()))
				.orElseThrow(MailTokens::invalidLink);
			account.verifyEmail(clock.instant());
			audit.record(AuditEvent.of(AuditKinds.EMAIL_VERIFIED, account.id()));
		});
	}
}
