package dev.hitter.prediction.job.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes one signed webhook call and says whether it was delivered and, if not, whether trying again can help; the
 * caller keeps the attempts and schedules retries with {@link WebhookBackoff}.
 *
 * <p>The HTTP client resolves names only through {@link WebhookAddressPolicy#addressesToCall}: the addresses it
 * connects to are the ones that were checked, in the same lookup, so a name that answers a public address to the
 * check and an internal one to the connection (DNS rebinding) is refused. TLS still verifies the URL's host name and
 * sends it as SNI: only the address lookup is ours.
 */
public final class WebhookSender implements AutoCloseable {

	public static final String SIGNATURE_HEADER = "Hitter-Signature";

	public static final String EVENT_HEADER = "Hitter-Event";

	public static final String DELIVERY_HEADER = "Hitter-Delivery";

	public static final String USER_AGENT = "HITTER-webhooks/1";

	static final String ADDRESS_REFUSED = "address refused";

	// The receiver says the request itself is wrong (or the hook is gone); the same request will fail again.
	private static final Set<Integer> PERMANENT_STATUSES = Set.of(400, 401, 403, 404, 405, 410, 413, 422);

	// Moved for good: the partner must register the new URL (we never follow redirects, see the constructor).
	private static final Set<Integer> PERMANENT_REDIRECTS = Set.of(301, 308);

	private static final ContentType JSON = ContentType.create("application/json");

	private final WebhookAddressPolicy policy;

	private final Duration timeout;

	private final CloseableHttpClient client;

	public WebhookSender(WebhookAddressPolicy policy, Duration timeout) {
		this(policy, timeout, SSLContexts.createDefault());
	}

	// Tests trust their own receiver's certificate through this.
	WebhookSender(WebhookAddressPolicy policy, Duration timeout, SSLContext tls) {
		this.policy = Objects.requireNonNull(policy, "policy");
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The webhook timeout must be positive, not " + timeout);
		}
		this.timeout = timeout;
		Timeout limit = Timeout.of(timeout);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckedResolver(policy))
				// The URL's host name, not the address, is sent as SNI and verified against the certificate.
				.setTlsSocketStrategy(new DefaultClientTlsStrategy(Objects.requireNonNull(tls, "tls"),
						HostnameVerificationPolicy.BOTH, HttpsSupport.getDefaultHostnameVerifier()))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(limit).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(limit)
				.setResponseTimeout(limit)
				.build())
			// A redirect's target is not checked by the policy and could be an internal address.
			.disableRedirectHandling()
			// Each attempt is counted and scheduled by the caller; a silent retry would double it.
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			// No useSystemProperties(): a proxy from the environment would resolve the name itself.
			.setUserAgent(USER_AGENT)
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
		// The URL's form, and a first look at its addresses: refused for good here. The connection checks the
		// addresses it is given once more (CheckedResolver), and connects to those only.
		if (!policy.allowed(url)) {
			return Attempt.permanentFailure(null, ADDRESS_REFUSED);
		}
		if (!sendableInHeader(event) || !sendableInHeader(deliveryId)) {
			// An event or id with characters a header cannot carry: sending again will not change that.
			return Attempt.permanentFailure(null, "request not sendable: header value with control characters");
		}
		if (Thread.currentThread().isInterrupted()) {
			return Attempt.retryableFailure(null, "interrupted");
		}
		HttpPost request = new HttpPost(url);
		request.setHeader(EVENT_HEADER, event);
		request.setHeader(DELIVERY_HEADER, deliveryId);
		request.setHeader(SIGNATURE_HEADER, WebhookSignature.header(secret, Instant.now().getEpochSecond(), jsonBody));
		request.setEntity(new ByteArrayEntity(jsonBody, JSON));
		// The socket timeouts bound each wait; this bounds a receiver that trickles its answer byte by byte.
		AtomicBoolean timedOut = new AtomicBoolean();
		CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> {
			timedOut.set(true);
			request.cancel();
		}, CompletableFuture.delayedExecutor(timeout.toMillis() * 2, TimeUnit.MILLISECONDS));
		try {
			ClassicHttpResponse response = client.executeOpen(null, request, null);
			int status = response.getCode();
			// The reply is never read: it is not shown to anyone, and reading it could take as long as the
			// receiver likes. Cancelling drops the connection instead of draining the body on close.
			request.cancel();
			closeQuietly(response);
			return judge(status);
		}
		catch (IOException | RuntimeException ex) {
			if (timedOut.get()) {
				return Attempt.retryableFailure(null, "timeout after " + timeout.multipliedBy(2));
			}
			return failure(ex);
		}
		finally {
			deadline.cancel(false);
		}
	}

	private Attempt failure(Exception error) {
		if (causedBy(error, WebhookAddressPolicy.AddressRefusedException.class)) {
			return Attempt.permanentFailure(null, ADDRESS_REFUSED);
		}
		// Timeouts first: the client's timeout exceptions are InterruptedIOExceptions too.
		if (causedBy(error, SocketTimeoutException.class) || causedBy(error, ConnectTimeoutException.class)) {
			return Attempt.retryableFailure(null, "timeout after " + timeout);
		}
		if (Thread.currentThread().isInterrupted() || error instanceof InterruptedIOException) {
			return Attempt.retryableFailure(null, "interrupted");
		}
		if (causedBy(error, UnknownHostException.class)) {
			return Attempt.retryableFailure(null, "host unresolvable");
		}
		if (causedBy(error, HttpHostConnectException.class) || causedBy(error, java.net.ConnectException.class)) {
			return Attempt.retryableFailure(null, "ConnectException: could not connect");
		}
		if (causedBy(error, SSLException.class)) {
			return Attempt.retryableFailure(null, "TLS handshake failed");
		}
		// The kind only: an exception's message may quote what the receiver sent.
		return Attempt.retryableFailure(null, "connection failed: " + error.getClass().getSimpleName());
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> kind) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (kind.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static Attempt judge(int status) {
		if (status >= 200 && status < 300) {
			return new Attempt(true, false, status, null);
		}
		String error = "HTTP " + status + ": " + reason(status);
		if (PERMANENT_STATUSES.contains(status) || PERMANENT_REDIRECTS.contains(status)) {
			return Attempt.permanentFailure(status, error);
		}
		// 408, 429, 5xx and anything we have no reason to give up on: the back-off bounds the attempts anyway.
		return Attempt.retryableFailure(status, error);
	}

	/** Our own words for a status: the receiver's reason phrase and body are its text, not ours to show. */
	private static String reason(int status) {
		if (status == 408 || status == 429) {
			return "the receiver is busy";
		}
		if (status >= 300 && status < 400) {
			return "the receiver redirected (redirects are not followed)";
		}
		if (status >= 400 && status < 500) {
			return "the receiver refused the call";
		}
		if (status >= 500 && status < 600) {
			return "the receiver failed";
		}
		return "unexpected status";
	}

	private static boolean sendableInHeader(String value) {
		return value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
	}

	private static void closeQuietly(ClassicHttpResponse response) {
		try {
			response.close();
		}
		catch (IOException | RuntimeException ex) {
			// The connection was dropped on purpose; nothing of it is reused.
		}
	}

	@Override
	public void close() throws IOException {
		client.close();
	}

	/**
	 * The outcome of one webhook call.
	 *
	 * @param delivered the receiver answered 2xx
	 * @param permanent not delivered, and sending the same request again will not help
	 * @param status the HTTP status, or {@code null} when no response came (refused, timeout, connection error)
	 * @param error a short text for people (the status and a generic reason — never the
	 *        receiver's reply, which could be an internal page — or the kind of failure), {@code null} when
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

	/** The client's only way to turn a name into addresses: the policy's checked lookup. */
	private static final class CheckedResolver implements DnsResolver {

		private final WebhookAddressPolicy policy;

		CheckedResolver(WebhookAddressPolicy policy) {
			this.policy = policy;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			return policy.addressesToCall(host);
		}

		@Override
		public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
			// With the port: an operator's allowed target is exempt for its own port only.
			return Arrays.stream(policy.addressesToCall(host, port))
				.map(address -> new InetSocketAddress(address, port))
				.toList();
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			// Only used for Kerberos/SPNEGO, which webhooks never do; never a lookup of its own.
			return host;
		}
	}
}
