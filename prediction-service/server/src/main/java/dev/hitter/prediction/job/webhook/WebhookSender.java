package dev.hitter.prediction.job.webhook;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one signed webhook call and says whether it was delivered and, if not, whether trying again can help; the
 * caller keeps the attempts and schedules retries with {@link WebhookBackoff}.
 */
public final class WebhookSender {

	public static final String SIGNATURE_HEADER = "Hitter-Signature";

	public static final String EVENT_HEADER = "Hitter-Event";

	public static final String DELIVERY_HEADER = "Hitter-Delivery";

	public static final String USER_AGENT = "HITTER-webhooks/1";

	/** Of a response body, only this much is read: enough for an error message, never a receiver's whole page. */
	static final int MAX_RESPONSE_BYTES = 1024;

	static final int MAX_ERROR_CHARS = 300;

	static final String ADDRESS_REFUSED = "address refused";

	// The receiver says the request itself is wrong (or the hook is gone); the same request will fail again.
	private static final Set<Integer> PERMANENT_STATUSES = Set.of(400, 401, 403, 404, 405, 410, 413, 422);

	// Moved for good: the partner must register the new URL (we never follow redirects, see the constructor).
	private static final Set<Integer> PERMANENT_REDIRECTS = Set.of(301, 308);

	private final WebhookAddressPolicy policy;

	private final Duration timeout;

	private final HttpClient client;

	public WebhookSender(WebhookAddressPolicy policy, Duration timeout) {
		this.policy = Objects.requireNonNull(policy, "policy");
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The webhook timeout must be positive, not " + timeout);
		}
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			// A redirect's target is not checked by the policy and could be an internal address.
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.build();
	}

	/**
	 * POSTs {@code jsonBody} to {@code url}, signed with {@code secret}. Never throws for a failed delivery: the
	 * {@link Attempt} says what happened.
	 */
	public Attempt send(URI url, String secret, String event, String deliveryId, byte[] jsonBody) {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(secret, "secret");
		Objects.requireNonNull(event, "event");
		Objects.requireNonNull(deliveryId, "deliveryId");
		Objects.requireNonNull(jsonBody, "jsonBody");
		// Checked again at every attempt: the name may resolve to an internal address since the job was submitted.
		// (The HTTP client resolves it once more when connecting; a resolver answering differently within those
		// milliseconds is not caught here.)
		if (!policy.allowed(url)) {
			return Attempt.permanentFailure(null, ADDRESS_REFUSED);
		}
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(url)
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.header("User-Agent", USER_AGENT)
				.header(EVENT_HEADER, event)
				.header(DELIVERY_HEADER, deliveryId)
				.header(SIGNATURE_HEADER,
						WebhookSignature.header(secret, Instant.now().getEpochSecond(), jsonBody))
				.POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody))
				.build();
		}
		catch (IllegalArgumentException ex) {
			// An event or id with characters a header cannot carry: sending again will not change that.
			return Attempt.permanentFailure(null, "request not sendable: " + shortText(ex.getMessage()));
		}
		CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
				info -> new BoundedBody(MAX_RESPONSE_BYTES));
		try {
			// The request timeout covers the response's headers only; this bounds a body that trickles in too.
			return judge(exchange.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			exchange.cancel(true);
			Thread.currentThread().interrupt();
			return Attempt.retryableFailure(null, "interrupted");
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			return Attempt.retryableFailure(null, "timeout after " + timeout.multipliedBy(2));
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			if (cause instanceof HttpTimeoutException) {
				return Attempt.retryableFailure(null, "timeout: " + describe(cause));
			}
			return Attempt.retryableFailure(null, describe(cause));
		}
	}

	private static Attempt judge(HttpResponse<byte[]> response) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new Attempt(true, false, status, null);
		}
		String error = "HTTP " + status;
		String body = shortText(new String(response.body(), StandardCharsets.UTF_8));
		if (!body.isEmpty()) {
			error += ": " + body;
		}
		if (PERMANENT_STATUSES.contains(status) || PERMANENT_REDIRECTS.contains(status)) {
			return Attempt.permanentFailure(status, error);
		}
		// 408, 429, 5xx and anything we have no reason to give up on: the back-off bounds the attempts anyway.
		return Attempt.retryableFailure(status, error);
	}

	private static String describe(Throwable error) {
		String message = error.getMessage();
		return shortText(error.getClass().getSimpleName() + (message == null ? "" : ": " + message));
	}

	/** One line, at most {@link #MAX_ERROR_CHARS}: error texts are stored and shown to partners. */
	static String shortText(String text) {
		if (text == null) {
			return "";
		}
		String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
		return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS) + "…";
	}

	/**
	 * The outcome of one webhook call.
	 *
	 * @param delivered the receiver answered 2xx
	 * @param permanent not delivered, and sending the same request again will not help
	 * @param status the HTTP status, or {@code null} when no response came (refused, timeout, connection error)
	 * @param error a short text for people (status and the start of the body, or the exception), {@code null} when
	 *        delivered
	 */
	public record Attempt(boolean delivered, boolean permanent, Integer status, String error) {

		static Attempt permanentFailure(Integer status, String error) {
			return new Attempt(false, true, status, error);
		}

		static Attempt retryableFailure(Integer status, String error) {
			return new Attempt(false, false, status, error);
		}

		/** Not delivered, but worth trying again later. */
		public boolean retryable() {
			return !delivered && !permanent;
		}
	}

	/** Keeps the first {@code limit} bytes of a body and cancels the rest of it. */
	private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final int limit;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private Flow.Subscription subscription;

		BoundedBody(int limit) {
			this.limit = limit;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(1);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				int take = Math.min(buffer.remaining(), limit - bytes.size());
				byte[] chunk = new byte[take];
				buffer.get(chunk);
				bytes.write(chunk, 0, take);
			}
			if (bytes.size() >= limit) {
				result.complete(bytes.toByteArray());
				subscription.cancel();
			}
			else {
				subscription.request(1);
			}
		}

		@Override
		public void onError(Throwable error) {
			result.completeExceptionally(error);
		}

		@Override
		public void onComplete() {
			result.complete(bytes.toByteArray());
		}
	}
}
