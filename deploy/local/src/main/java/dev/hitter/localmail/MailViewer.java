package dev.hitter.localmail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local run's mail viewer: {@code GET /} lists the messages (newest first), {@code GET /messages/{n}} shows one
 * with its links clickable, {@code GET /api/messages?to=} answers them as JSON for tests. Read-only; everything it
 * shows is escaped, since a display name in a mail is whatever somebody typed.
 */
final class MailViewer implements AutoCloseable {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

	private final HttpServer server;

	private final GreenMail smtp;

	private MailViewer(HttpServer server, GreenMail smtp) {
		this.server = server;
		this.smtp = smtp;
	}

	static MailViewer start(GreenMail smtp, InetAddress address, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
		MailViewer viewer = new MailViewer(server, smtp);
		server.createContext("/", viewer::handle);
		server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
			Thread thread = new Thread(runnable, "mail-viewer");
			thread.setDaemon(true);
			return thread;
		}));
		server.start();
		return viewer;
	}

	int port() {
		return server.getAddress().getPort();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"GET".equals(exchange.getRequestMethod())) {
				send(exchange, 405, "text/plain", "GET only");
				return;
			}
			String path = exchange.getRequestURI().getPath();
			List<Mail> mails = mails();
			if ("/".equals(path)) {
				send(exchange, 200, "text/html", listPage(mails));
			}
			else if ("/api/messages".equals(path)) {
				String to = query(exchange, "to");
				send(exchange, 200, "application/json", json(to == null ? mails
						: mails.stream().filter(mail -> mail.to().stream().anyMatch(to::equalsIgnoreCase)).toList()));
			}
			else if (path.matches("/messages/\\d{1,9}") && Integer.parseInt(path.substring(10)) < mails.size()) {
				send(exchange, 200, "text/html", messagePage(mails.get(Integer.parseInt(path.substring(10)))));
			}
			else {
				send(exchange, 404, "text/plain", "not found");
			}
		}
	}

	/** Every message so far, in arrival order (its index is its id). */
	private List<Mail> mails() {
		MimeMessage[] received = smtp.getReceivedMessages();
		List<Mail> mails = new ArrayList<>();
		for (int i = 0; i < received.length; i++) {
			mails.add(Mail.of(i, received[i]));
		}
		return mails;
	}

	private static String listPage(List<Mail> mails) {
		StringBuilder rows = new StringBuilder();
		for (int i = mails.size() - 1; i >= 0; i--) {
			Mail mail = mails.get(i);
			rows.append("<li><a href=\"/messages/").append(mail.id()).append("\">")
				.append(escape(mail.subject()))
				.append("</a> <span>to ")
				.append(escape(String.join(", ", mail.to())))
				.append(" · ")
				.append(escape(mail.receivedAt()))
				.append("</span></li>\n");
		}
		String body = mails.isEmpty() ? "<p>No mail yet. Sign up or ask for a password reset in HITTER.</p>"
				: "<ol reversed>\n" + rows + "</ol>";
		return page("HITTER local mail", "<h1>HITTER local mail</h1>\n<p>Every mail the local run sent (kept in memory "
				+ "until it stops; nothing is delivered). Newest first.</p>\n" + body);
	}

	private static String messagePage(Mail mail) {
		Matcher links = LINK.matcher(mail.text());
		StringBuilder text = new StringBuilder();
		int last = 0;
		while (links.find()) {
			text.append(escape(mail.text().substring(last, links.start())));
			String url = escape(links.group());
			text.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
			last = links.end();
		}
		text.append(escape(mail.text().substring(last)));
		return page(mail.subject(), "<p><a href=\"/\">All mail</a></p>\n<h1>" + escape(mail.subject()) + "</h1>\n"
				+ "<dl><dt>To</dt><dd>" + escape(String.join(", ", mail.to())) + "</dd><dt>From</dt><dd>"
				+ escape(mail.from()) + "</dd><dt>Received</dt><dd>" + escape(mail.receivedAt()) + "</dd></dl>\n"
				+ "<pre>" + text + "</pre>");
	}

	private static String page(String title, String body) {
		// An empty icon: the browser asks for no /favicon.ico, which the policy would refuse (a console error in tests).
		return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
				+ "<title>" + escape(title)
				+ "</title><style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
				+ "pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}li{margin:.4rem 0}span{color:#555}"
				+ "a:focus{outline:3px solid #1a73e8}</style></head>\n<body><main>" + body + "</main></body></html>\n";
	}

	private static String json(List<Mail> mails) {
		StringBuilder json = new StringBuilder("[");
		for (Mail mail : mails) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append("{\"id\":").append(mail.id())
				.append(",\"to\":[")
				.append(String.join(",", mail.to().stream().map(MailViewer::quote).toList()))
				.append("],\"from\":").append(quote(mail.from()))
				.append(",\"subject\":").append(quote(mail.subject()))
				.append(",\"text\":").append(quote(mail.text()))
				.append(",\"receivedAt\":").append(quote(mail.receivedAt()))
				.append('}');
		}
		return json.append(']').toString();
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&') {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String query(HttpExchange exchange, String name) {
		String query = exchange.getRequestURI().getRawQuery();
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts.length == 2 && parts[0].equals(name)) {
				return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
		exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** One received message, decoded. */
	record Mail(int id, List<String> to, String from, String subject, String text, String receivedAt) {

		static Mail of(int id, MimeMessage message) {
			try {
				Address[] recipients = message.getRecipients(Message.RecipientType.TO);
				List<String> to = recipients == null ? List.of()
						: Arrays.stream(recipients).map(Address::toString).toList();
				Address[] senders = message.getFrom();
				String from = senders == null || senders.length == 0 ? "" : senders[0].toString();
				Object content = message.getContent();
				String text = content instanceof String plain ? plain : GreenMailUtil.getBody(message);
				Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
						: message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
				String subject = message.getSubject() == null ? "" : message.getSubject();
				return new Mail(id, to, from, subject, text, received.toString());
			}
			catch (Exception ex) {
				return new Mail(id, List.of(), "", "(unreadable message: " + ex.getClass().getSimpleName() + ")", "",
						Instant.EPOCH.toString());
			}
		}
	}
}
