package dev.hitter.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The real SMTP server of auth-service's tests (GreenMail), one per test JVM like the database, so that every test
 * class shares one Spring context. Tests read the messages auth-service really sent.
 */
public final class TestMailbox {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final Pattern TOKEN = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");

	private static GreenMail server;

	private TestMailbox() {
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
			server = new GreenMail(smtp);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
		}
		return server;
	}

	public static int smtpPort() {
		return server().getSmtp().getPort();
	}

	/** Every message to the address so far, oldest first. */
	public static List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(message -> isTo(message, address)).toList();
	}

	/** Waits until the address has received {@code count} messages; answers the last one. */
	public static MimeMessage awaitMessage(String address, int count) {
		Instant deadline = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(deadline)) {
			List<MimeMessage> messages = messagesTo(address);
			if (messages.size() >= count) {
				return messages.get(count - 1);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("no message number " + count + " to " + address + " within " + WAIT + "; received: "
				+ messagesTo(address).size());
	}

	/** The token of the link in the address's message number {@code count}. */
	public static String awaitToken(String address, int count) {
		return tokenIn(awaitMessage(address, count));
	}

	public static String tokenIn(MimeMessage message) {
		Matcher matcher = TOKEN.matcher(text(message));
		assertThat(matcher.find()).as("a link with a token in: " + text(message)).isTrue();
		return matcher.group(1);
	}

	public static String text(MimeMessage message) {
		return GreenMailUtil.getBody(message).isEmpty() ? "" : decoded(message);
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String decoded(MimeMessage message) {
		try {
			Object content = message.getContent();
			return content instanceof String text ? text : GreenMailUtil.getBody(message);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
