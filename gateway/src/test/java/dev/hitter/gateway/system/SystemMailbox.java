package dev.hitter.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;

/**
 * The mails the running system sent, read from the local run's mail viewer ({@code GET /api/messages?to=}) — the
 * same page a developer reads — so that system tests verify members through the real mail, as a person would.
 */
final class SystemMailbox {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Pattern TOKEN = Pattern.compile("/(verify-email|reset-password|confirm-email-change)\\?token=([A-Za-z0-9_-]+)");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String viewer;

	SystemMailbox(String viewer) {
		this.viewer = viewer;
	}

	/** Every mail to the address so far, oldest first, as the viewer's JSON objects. */
	List<Map<String, Object>> messagesTo(String address) throws IOException, InterruptedException {
		HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(viewer + "/api/messages?to="
				+ URLEncoder.encode(address, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JsonPath.read(answer.body(), "$");
	}

	/** Waits for the address's mail number {@code count} (1-based) and answers its text. */
	String awaitText(String address, int count) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(WAIT);
		while (true) {
			List<Map<String, Object>> messages = messagesTo(address);
			if (messages.size() >= count) {
				return (String) messages.get(count - 1).get("text");
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("no mail number " + count + " to " + address + " within " + WAIT);
			}
			Thread.sleep(200);
		}
	}

	/** The token of the link ({@code page} e.g. {@code verify-email}) in the newest mail to the address that has one. */
	String awaitToken(String address, String page) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(WAIT);
		while (true) {
			List<Map<String, Object>> messages = messagesTo(address);
			for (int i = messages.size() - 1; i >= 0; i--) {
				Matcher link = TOKEN.matcher((String) messages.get(i).get("text"));
				while (link.find()) {
					if (link.group(1).equals(page)) {
						return link.group(2);
					}
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("no " + page + " link mailed to " + address + " within " + WAIT);
			}
			Thread.sleep(200);
		}
	}

	/** Opens the verification link mailed to the address at sign-up, as the web app's page would: 204. */
	void verify(String gateway, String address) throws IOException, InterruptedException {
		String token = awaitToken(address, "verify-email");
		HttpResponse<String> verified = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/email-verification"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
	}
}
