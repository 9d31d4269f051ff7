package dev.hitter.prediction.job.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.hitter.prediction.job.webhook.WebhookSender.Attempt;

class WebhookSenderTest {

	private static final String SECRET = WebhookSignature.newSecret();

	private static final byte[] BODY = "{\"job\":\"42\",\"status\":\"DONE\"}".getBytes(StandardCharsets.UTF_8);

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	private HttpServer server;

	private ExecutorService handlers;

	private WebhookSender sender;

	/** What the receiver answers; each test sets it. */
	private volatile Reply reply = (exchange, path) -> respond(exchange, 204, "");

	@BeforeEach
	void startReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
			reply.answer(exchange, exchange.getRequestURI().getPath());
		});
		// Off the dispatcher thread, so that a receiver that hangs does not keep stop() waiting.
		handlers = Executors.newCachedThreadPool();
		server.setExecutor(handlers);
		server.start();
		sender = new WebhookSender(new WebhookAddressPolicy(true), TIMEOUT);
	}

	@AfterEach
	void stopReceiver() throws InterruptedException {
		release.countDown();
		server.stop(0);
		handlers.shutdownNow();
		assertThat(handlers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void deliversASignedPostOn204() {
		long before = Instant.now().getEpochSecond();

		Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-123", BODY);

		assertThat(attempt).isEqualTo(new Attempt(true, false, 204, null));
		assertThat(attempt.retryable()).isFalse();
		assertThat(received).hasSize(1);
		Received request = received.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.body()).isEqualTo(BODY);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("User-Agent")).isEqualTo("HITTER-webhooks/1");
		assertThat(request.header(WebhookSender.EVENT_HEADER)).isEqualTo("job.finished");
		assertThat(request.header(WebhookSender.DELIVERY_HEADER)).isEqualTo("d-123");
		String signature = request.header(WebhookSender.SIGNATURE_HEADER);
		assertThat(signature).startsWith("t=");
		long signedAt = Long.parseLong(signature.substring(2, signature.indexOf(',')));
		assertThat(signedAt).isBetween(before, Instant.now().getEpochSecond());
		assertThat(WebhookSignature.verify(SECRET, signature, request.body(), Instant.now().getEpochSecond(), 60))
			.isTrue();
		assertThat(WebhookSignature.verify("another-secret", signature, request.body(),
				Instant.now().getEpochSecond(), 60)).isFalse();
	}

	@Test
	void anyOther2xxIsDelivered() {
		reply = (exchange, path) -> respond(exchange, 200, "{\"ok\":true}");

		assertThat(sender.send(hook(), SECRET, "job.finished", "d-1", BODY).delivered()).isTrue();
	}

	@Test
	void serverErrorIsRetryable() {
		reply = (exchange, path) -> respond(exchange, 500, "database down");

		Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

		assertThat(attempt.delivered()).isFalse();
		assertThat(attempt.permanent()).isFalse();
		assertThat(attempt.retryable()).isTrue();
		assertThat(attempt.status()).isEqualTo(500);
		assertThat(attempt.error()).isEqualTo("HTTP 500: the receiver failed");
	}

	@Test
	void tooManyRequestsAndRequestTimeoutAreRetryable() {
		for (int status : new int[] { 408, 429, 502, 503 }) {
			reply = (exchange, path) -> respond(exchange, status, "");

			Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

			assertThat(attempt.retryable()).as("HTTP %d", status).isTrue();
			assertThat(attempt.error()).startsWith("HTTP " + status + ": the receiver ");
		}
	}

	@Test
	void notFoundIsPermanent() {
		reply = (exchange, path) -> respond(exchange, 404, "no such hook");

		Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

		assertThat(attempt).isEqualTo(new Attempt(false, true, 404, "HTTP 404: the receiver refused the call"));
	}

	@Test
	void receiverRejectionsArePermanent() {
		for (int status : new int[] { 400, 401, 403, 405, 410, 413, 422 }) {
			reply = (exchange, path) -> respond(exchange, status, "");

			Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

			assertThat(attempt.permanent()).as("HTTP %d", status).isTrue();
			assertThat(attempt.delivered()).isFalse();
		}
	}

	@Test
	void redirectIsNotFollowed() {
		reply = (exchange, path) -> {
			if (path.equals("/hook")) {
				exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/elsewhere");
				respond(exchange, 302, "");
			}
			else {
				respond(exchange, 204, "");
			}
		};

		Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

		assertThat(attempt.delivered()).isFalse();
		assertThat(attempt.status()).isEqualTo(302);
		assertThat(received).extracting(Received::path).containsExactly("/hook");
	}

	/** The error is shown to the member who registered the URL: a reply would let them read an internal page. */
	@Test
	void theReceiversReplyIsNeverShown() {
		for (int status : new int[] { 200, 302, 404, 418, 500, 503 }) {
			reply = (exchange, path) -> respond(exchange, status, "<html>admin console: token=s3cr3t</html>");

			Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

			assertThat(attempt.status()).isEqualTo(status);
			if (!attempt.delivered()) {
				assertThat(attempt.error()).as("HTTP %d", status)
					.startsWith("HTTP " + status + ": ")
					.doesNotContainIgnoringCase("html")
					.doesNotContain("admin")
					.doesNotContain("s3cr3t");
			}
		}
	}

	@Test
	void aLongReplyIsNeitherShownNorReadToTheEnd() {
		reply = (exchange, path) -> respond(exchange, 503, "<html>\n" + "x".repeat(10_000_000) + "</html>");

		Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

		assertThat(attempt).isEqualTo(new Attempt(false, false, 503, "HTTP 503: the receiver failed"));
	}

	/**
	 * DNS rebinding: the name resolves to a public address when it is checked and to this machine when the
	 * connection is made. The connection must go to a checked address, never to what a second lookup answers.
	 */
	@Test
	void connectsOnlyToAnAddressThatWasChecked() {
		AtomicInteger lookups = new AtomicInteger();
		WebhookAddressPolicy rebinding = new WebhookAddressPolicy(false, host -> new InetAddress[] {
				lookups.getAndIncrement() == 0 ? address("93.184.216.34") : InetAddress.getLoopbackAddress() });
		WebhookSender strict = new WebhookSender(rebinding, TIMEOUT);

		Attempt attempt = strict.send(URI.create("http://localhost:" + port() + "/hook"), SECRET, "job.finished",
				"d-1", BODY);

		assertThat(received).as("calls that reached the local receiver").isEmpty();
		assertThat(attempt.delivered()).isFalse();
		assertThat(attempt).isEqualTo(new Attempt(false, true, null, "address refused"));
	}

	@Test
	void aNameThatStaysPublicIsCalledAtTheCheckedAddress() {
		// The check and the connection share one lookup: the receiver is reached through the address it answered.
		AtomicInteger lookups = new AtomicInteger();
		WebhookAddressPolicy local = new WebhookAddressPolicy(true, host -> {
			lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getLoopbackAddress() };
		});
		WebhookSender sender = new WebhookSender(local, TIMEOUT);

		Attempt attempt = sender.send(URI.create("http://receiver.label.example:" + port() + "/hook"), SECRET,
				"job.finished", "d-1", BODY);

		assertThat(attempt.delivered()).isTrue();
		assertThat(received).singleElement()
			.extracting(request -> request.header("Host"))
			.isEqualTo("receiver.label.example:" + port());
		assertThat(lookups).hasPositiveValue();
	}

	@Test
	void slowReceiverTimesOutRetryably() {
		reply = (exchange, path) -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 204, "");
		};
		long start = System.nanoTime();

		Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(attempt.retryable()).isTrue();
		assertThat(attempt.status()).isNull();
		assertThat(attempt.error()).containsIgnoringCase("timeout").doesNotContain("\n").doesNotContain("\tat ");
	}

	@Test
	void connectionRefusedIsRetryable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}

		Attempt attempt = sender.send(URI.create("http://127.0.0.1:" + closedPort + "/hook"), SECRET, "job.finished",
				"d-1", BODY);

		assertThat(attempt.retryable()).isTrue();
		assertThat(attempt.status()).isNull();
		assertThat(attempt.error()).contains("ConnectException").doesNotContain("\n");
	}

	@Test
	void interruptedSendIsRetryableAndKeepsTheInterrupt() {
		reply = (exchange, path) -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			respond(exchange, 204, "");
		};
		Thread.currentThread().interrupt();

		Attempt attempt = sender.send(hook(), SECRET, "job.finished", "d-1", BODY);

		assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
		assertThat(attempt).isEqualTo(new Attempt(false, false, null, "interrupted"));
	}

	@Test
	void refusesALoopbackReceiverWithoutConnecting() {
		WebhookSender strict = new WebhookSender(new WebhookAddressPolicy(false), TIMEOUT);

		Attempt attempt = strict.send(hook(), SECRET, "job.finished", "d-1", BODY);

		assertThat(attempt).isEqualTo(new Attempt(false, true, null, "address refused"));
		assertThat(received).isEmpty();
	}

	@Test
	void callsAnOperatorsAllowedTargetButNoOtherLoopbackPort() {
		WebhookSender operator = new WebhookSender(
				new WebhookAddressPolicy(false, List.of("127.0.0.1:" + port())), TIMEOUT);

		Attempt attempt = operator.send(hook(), SECRET, "job.finished", "d-1", BODY);
		Attempt otherPort = operator.send(URI.create("http://127.0.0.1:" + (port() == 65_535 ? 1 : port() + 1)
				+ "/hook"), SECRET, "job.finished", "d-2", BODY);
		Attempt otherName = operator.send(URI.create("http://localhost:" + port() + "/hook"), SECRET,
				"job.finished", "d-3", BODY);

		assertThat(attempt.delivered()).isTrue();
		assertThat(otherPort).isEqualTo(new Attempt(false, true, null, "address refused"));
		assertThat(otherName).isEqualTo(new Attempt(false, true, null, "address refused"));
		assertThat(received).hasSize(1);
	}

	@Test
	void headerValuesThatCannotBeSentArePermanentFailures() {
		Attempt attempt = sender.send(hook(), SECRET, "job.finished\r\nX-Injected: 1", "d-1", BODY);

		assertThat(attempt.permanent()).isTrue();
		assertThat(received).isEmpty();
	}

	private URI hook() {
		return URI.create("http://127.0.0.1:" + port() + "/hook");
	}

	private int port() {
		return server.getAddress().getPort();
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// The sender stops reading after its first kilobyte and closes the connection.
		}
	}

	@FunctionalInterface
	private interface Reply {

		void answer(HttpExchange exchange, String path) throws IOException;
	}

	private record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

		String header(String name) {
			return headers.entrySet().stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}
	}
}
