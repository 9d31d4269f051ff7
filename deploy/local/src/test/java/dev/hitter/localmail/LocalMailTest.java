package dev.hitter.localmail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local run's SMTP server keeps what it is sent, and its viewer shows it — escaped — and answers it as JSON. */
class LocalMailTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static LocalMail mail;

	@BeforeAll
	static void start() throws Exception {
		mail = LocalMail.start("127.0.0.1", 0, 0);
	}

	@AfterAll
	static void stop() {
		mail.close();
	}

	@Test
	void aMailSentOverSmtpIsListedShownAndAnsweredAsJson() throws Exception {
		send("min-ji@example.com", "[HITTER] 이메일 확인 / Verify",
				"열어 주세요 https://hitter.test/verify-email?token=abc_DEF-123 thanks");

		String json = get("/api/messages?to=MIN-JI%40example.com").body();
		assertTrue(json.contains("\"subject\":\"[HITTER] 이메일 확인 / Verify\""), json);
		assertTrue(json.contains("https://hitter.test/verify-email?token=abc_DEF-123"), json);
		assertEquals("[]", get("/api/messages?to=nobody%40example.com").body());

		HttpResponse<String> list = get("/");
		assertEquals(200, list.statusCode());
		assertTrue(list.body().contains("이메일 확인"), list.body());
		int id = Integer.parseInt(json.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		String page = get("/messages/" + id).body();
		assertTrue(page.contains("<a href=\"https://hitter.test/verify-email?token=abc_DEF-123\">"), page);
	}

	@Test
	void whateverAMailSaysIsEscapedOnThePage() throws Exception {
		send("escape@example.com", "<script>alert(1)</script>", "<img src=x onerror=alert(2)> \"quoted\"");
		String json = get("/api/messages?to=escape%40example.com").body();
		int id = Integer.parseInt(json.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		String page = get("/messages/" + id).body();
		assertFalse(page.contains("<script>alert"), page);
		assertFalse(page.contains("<img"), page);
		assertTrue(page.contains("&lt;img src=x"), page);
		assertFalse(json.contains("<script>"), json);
	}

	@Test
	void unknownPagesAndOtherMethodsAreRefused() throws Exception {
		assertEquals(404, get("/messages/999999").statusCode());
		assertEquals(404, get("/etc/passwd").statusCode());
		HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(viewer("/api/messages"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(405, post.statusCode());
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThrows(IllegalArgumentException.class, () -> LocalMail.start("0.0.0.0", 0, 0));
	}

	private static void send(String to, String subject, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("no-reply@hitter.local"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		message.setText(text, "UTF-8");
		Transport.send(message);
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(viewer(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI viewer(String path) {
		return URI.create("http://127.0.0.1:" + mail.viewerPort() + path);
	}
}
