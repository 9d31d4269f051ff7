package dev.hitter.auth.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail off the request thread. Two reasons: an answer must not wait for (or fail with) a slow SMTP server,
 * and answers that must not tell whether an address is registered (sign-up, password reset) take the same time
 * whether a mail goes out or not. A mail that cannot be sent after {@link MailProperties#sendAttempts()} tries is
 * logged (without its text) and given up: the member can ask for a new link.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final MailProperties properties;

	// One thread: mail is rare, and one at a time keeps a struggling SMTP server from being flooded.
	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "mailer");
		thread.setDaemon(true);
		return thread;
	});

	Mailer(JavaMailSender sender, MailProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	/** Queues the mail; returns at once. */
	public void send(OutgoingMail mail) {
		background.execute(() -> deliver(mail));
	}

	/**
	 * Runs work (which may send mail) off the request thread, for answers whose timing must not depend on what the
	 * work finds.
	 */
	public void later(Runnable work) {
		background.execute(() -> {
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.warn("Background mail work failed: {}", ex.toString());
			}
		});
	}

	private void deliver(OutgoingMail mail) {
		for (int attempt = 1; attempt <= properties.sendAttempts(); attempt++) {
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
				helper.setFrom(properties.from());
				helper.setTo(mail.to());
				helper.setSubject(mail.subject());
				helper.setText(mail.text(), false);
				sender.send(message);
				log.info("Mail sent: {}", mail);
				return;
			}
			catch (MailException | jakarta.mail.MessagingException ex) {
				log.warn("Mail not sent (attempt {} of {}): {}: {}", attempt, properties.sendAttempts(), mail,
						ex.getMessage());
				pause(attempt);
			}
		}
		log.error("Mail given up after {} attempts: {}", properties.sendAttempts(), mail);
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(Math.min(30_000L, 1_000L << (attempt - 1)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@PreDestroy
	void stop() throws InterruptedException {
		background.shutdown();
		background.awaitTermination(10, TimeUnit.SECONDS);
	}
}
