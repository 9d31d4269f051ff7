package dev.hitter.auth.mail;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What auth-service's mails say and how long their links work. Where the mail goes (the SMTP server) is Spring's
 * {@code spring.mail.*}, set from {@code HITTER_MAIL_HOST/PORT/USERNAME/PASSWORD}.
 *
 * @param from the sender every mail carries ({@code HITTER_MAIL_FROM})
 * @param publicUrl where members reach the web app ({@code HITTER_PUBLIC_URL}); every link in a mail starts
 *        with it, so it must be the address people type, not an internal one
 * @param verificationLinkTtl how long a link that verifies an address works: long enough to find the mail
 *        tomorrow
 * @param passwordResetLinkTtl how long a password-reset link works: short, since whoever holds it takes over
 *        the account
 * @param emailChangeLinkTtl how long a link that moves an account to a new address works
 * @param sendAttempts how often a mail is tried before it is given up (logged); the SMTP server may be
 *        restarting
 */
@Validated
@ConfigurationProperties("hitter.mail")
public record MailProperties(@NotBlank @DefaultValue("HITTER <no-reply@hitter.local>") String from,
		@NotNull @DefaultValue("http://localhost:8080") URI publicUrl,
		@NotNull @DefaultValue("24h") Duration verificationLinkTtl,
		@NotNull @DefaultValue("30m") Duration passwordResetLinkTtl,
		@NotNull @DefaultValue("24h") Duration emailChangeLinkTtl, @DefaultValue("3") int sendAttempts) {

	@AssertTrue(message = "must be an absolute http(s) address without query or fragment, e.g. https://hitter.example "
			+ "(HITTER_PUBLIC_URL)")
	public boolean isPublicUrlAbsoluteHttp() {
		return publicUrl == null || (publicUrl.isAbsolute() && publicUrl.getHost() != null
				&& ("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))
				&& publicUrl.getRawQuery() == null && publicUrl.getRawFragment() == null);
	}

	@AssertTrue(message = "every link lifetime must be between 1m and 7d (HITTER_MAIL_*_LINK_TTL)")
	public boolean isEveryLinkTtlReasonable() {
		return within(verificationLinkTtl) && within(passwordResetLinkTtl) && within(emailChangeLinkTtl);
	}

	@AssertTrue(message = "must be between 1 and 10 (HITTER_MAIL_SEND_ATTEMPTS)")
	public boolean isSendAttemptsWithinBounds() {
		return sendAttempts >= 1 && sendAttempts <= 10;
	}

	/** A link to a page of the web app: {@code publicUrl} + path + {@code ?token=}. */
	public String link(String path, String token) {
		String base = publicUrl.toString().replaceAll("/+$", "");
		return base + path + "?token=" + token;
	}

	private static boolean within(Duration ttl) {
		return ttl == null || (ttl.compareTo(Duration.ofMinutes(1)) >= 0 && ttl.compareTo(Duration.ofDays(7)) <= 0);
	}
}
