package dev.hitter.localmail;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local run's mail (./hitter run): an SMTP server that keeps every message in memory instead of delivering it
 * (GreenMail), and a {@link MailViewer} page where a developer — and the browser tests — read them. Both listen on
 * loopback only. Nothing of it is in a service's jar or image: in production auth-service sends to the SMTP server
 * its settings name, and no viewer exists (docs/accounts.md).
 * <p>
 * Arguments: {@code --smtp-port=3025 --viewer-port=8025 [--bind=127.0.0.1]}. Prints {@code HITTER-MAIL READY …} once
 * both listen.
 */
public final class LocalMail implements AutoCloseable {

	private final GreenMail smtp;

	private final MailViewer viewer;

	private LocalMail(GreenMail smtp, MailViewer viewer) {
		this.smtp = smtp;
		this.viewer = viewer;
	}

	/** Starts both on the given ports (0: any free one). */
	public static LocalMail start(String bind, int smtpPort, int viewerPort) throws Exception {
		InetAddress address = InetAddress.getByName(bind);
		if (!address.isLoopbackAddress()) {
			// Whoever reaches the viewer reads every password-reset link: never more than this machine.
			throw new IllegalArgumentException("--bind must be a loopback address, not " + bind);
		}
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, bind, ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			return new LocalMail(smtp, MailViewer.start(smtp, address, viewerPort));
		}
		catch (Exception | Error ex) {
			smtp.stop();
			throw ex;
		}
	}

	public int smtpPort() {
		return smtp.getSmtp().getPort();
	}

	public int viewerPort() {
		return viewer.port();
	}

	@Override
	public void close() {
		viewer.close();
		smtp.stop();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new java.util.HashMap<>(Map.of("smtp-port", "3025", "viewer-port", "8025", "bind",
				"127.0.0.1"));
		for (String arg : args) {
			String[] parts = arg.replaceFirst("^--", "").split("=", 2);
			if (parts.length != 2 || !options.containsKey(parts[0])) {
				System.err.println("usage: LocalMail --smtp-port=3025 --viewer-port=8025 [--bind=127.0.0.1]");
				System.exit(2);
			}
			options.put(parts[0], parts[1]);
		}
		LocalMail mail = start(options.get("bind"), Integer.parseInt(options.get("smtp-port")),
				Integer.parseInt(options.get("viewer-port")));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			mail.close();
			stopped.countDown();
		}, "local-mail-stop"));
		System.out.printf("HITTER-MAIL READY smtp=%s:%d viewer=http://%s:%d/%n", options.get("bind"), mail.smtpPort(),
				options.get("bind"), mail.viewerPort());
		System.out.flush();
		stopped.await();
	}
}
