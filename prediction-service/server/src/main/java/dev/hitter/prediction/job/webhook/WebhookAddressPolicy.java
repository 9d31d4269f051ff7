package dev.hitter.prediction.job.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.prediction.PredictionProblems;

/** Decides which webhook URLs this service may call, so that a partner cannot aim it at our own network. */
public final class WebhookAddressPolicy {

	static final int MAX_URL_LENGTH = 2000;

	private static final String FIELD = "webhookUrl";

	private final boolean allowPrivateAddresses;

	private final Set<String> allowedTargets;

	private final HostResolver resolver;

	/**
	 * @param allowPrivateAddresses {@code true} only where the receivers are local on purpose (tests, a developer's
	 *        machine): then only the URL's form is checked.
	 */
	public WebhookAddressPolicy(boolean allowPrivateAddresses) {
		this(allowPrivateAddresses, List.of());
	}

	/**
	 * @param allowedTargets {@code host:port} pairs exempt from the address rule: an operator's own receivers
	 *        (a relay inside the network, a test's receiver on 127.0.0.1). Exactly those: the host as written in the
	 *        URL, the port given or implied by the scheme. Every other URL keeps the rule.
	 * @throws IllegalArgumentException naming the first entry that is not {@code host:port}
	 */
	public WebhookAddressPolicy(boolean allowPrivateAddresses, List<String> allowedTargets) {
		this(allowPrivateAddresses, allowedTargets, InetAddress::getAllByName);
	}

	// Tests resolve names without DNS through this.
	WebhookAddressPolicy(boolean allowPrivateAddresses, HostResolver resolver) {
		this(allowPrivateAddresses, List.of(), resolver);
	}

	WebhookAddressPolicy(boolean allowPrivateAddresses, List<String> allowedTargets, HostResolver resolver) {
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.allowedTargets = allowedTargets.stream().map(WebhookAddressPolicy::target).collect(Collectors.toSet());
		this.resolver = resolver;
	}

	/** An allowed target as it is compared: lower-case host without IPv6 brackets, colon, port. */
	private static String target(String entry) {
		String trimmed = entry == null ? "" : entry.strip();
		int colon = trimmed.lastIndexOf(':');
		String host = colon < 0 ? "" : bareHost(trimmed.substring(0, colon));
		int port;
		try {
			port = colon < 0 ? -1 : Integer.parseInt(trimmed.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			port = -1;
		}
		if (host.isEmpty() || host.contains("/") || host.contains("@") || port < 1 || port > 65_535
				|| (host.contains(":") && !trimmed.startsWith("["))) {
			throw new IllegalArgumentException("hitter.prediction.jobs.webhook.allowed-targets: '" + entry
					+ "' is not host:port (an IPv6 address in brackets: [2001:db8::1]:443)");
		}
		return key(host, port);
	}

	private static String key(String host, int port) {
		return host.toLowerCase(Locale.ROOT) + ":" + port;
	}

	private boolean exempt(URI uri) {
		if (allowedTargets.isEmpty()) {
			return false;
		}
		int port = uri.getPort() != -1 ? uri.getPort()
				: "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		return allowedTargets.contains(key(bareHost(uri.getHost()), port));
	}

	/**
	 * The URL as a {@link URI} if this service may call it.
	 *
	 * @throws ApiException {@link PredictionProblems#WEBHOOK_URL_REFUSED} with a {@code reason} property otherwise
	 */
	public URI requireAllowed(String url) {
		if (url == null || url.isBlank()) {
			throw refused(Refusal.MALFORMED);
		}
		if (url.length() > MAX_URL_LENGTH) {
			throw refused(Refusal.TOO_LONG);
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw refused(Refusal.MALFORMED);
		}
		Optional<Refusal> refusal = refusal(uri);
		if (refusal.isPresent()) {
			throw refused(refusal.get());
		}
		return uri;
	}

	/**
	 * Whether the URL may be called now. Asked again before every delivery because the name may resolve elsewhere
	 * than when the job was submitted.
	 */
	public boolean allowed(URI url) {
		return url != null && url.toString().length() <= MAX_URL_LENGTH && refusal(url).isEmpty();
	}

	private Optional<Refusal> refusal(URI uri) {
		Optional<Refusal> form = formRefusal(uri);
		if (form.isPresent() || allowPrivateAddresses || exempt(uri)) {
			return form;
		}
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(bareHost(uri.getHost()));
		}
		catch (UnknownHostException | SecurityException ex) {
			return Optional.of(Refusal.HOST_UNRESOLVABLE);
		}
		if (addresses == null || addresses.length == 0) {
			return Optional.of(Refusal.HOST_UNRESOLVABLE);
		}
		// The HTTP client may connect to any of them, so a single internal one is enough to refuse.
		return Arrays.stream(addresses).map(WebhookAddressPolicy::classify).flatMap(Optional::stream).findFirst();
	}

	private static Optional<Refusal> formRefusal(URI uri) {
		if (!uri.isAbsolute() || uri.isOpaque()) {
			return Optional.of(Refusal.MALFORMED);
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.of(Refusal.SCHEME);
		}
		// Credentials in a URL end up in logs and job listings; receivers must rely on the signature instead.
		if (uri.getRawUserInfo() != null) {
			return Optional.of(Refusal.USERINFO);
		}
		// A null host also covers authorities java.net.URI only accepts as "registry based" (e.g. "a_b.example").
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			return Optional.of(Refusal.NO_HOST);
		}
		int port = uri.getPort();
		if (port != -1 && (port < 1 || port > 65_535)) {
			return Optional.of(Refusal.MALFORMED);
		}
		return Optional.empty();
	}

	private static String bareHost(String host) {
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/** Why an address is not one we call, if it is not: see {@link SpecialPurposeAddresses}. */
	static Optional<Refusal> classify(InetAddress address) {
		return SpecialPurposeAddresses.refusal(address);
	}

	/**
	 * The addresses the HTTP client may connect to for {@code host}: resolved once and checked, so that the
	 * connection goes where the check looked (a second lookup could answer otherwise: DNS rebinding).
	 *
	 * @throws AddressRefusedException if any of them is not one we call
	 * @throws UnknownHostException if the name does not resolve
	 */
	public InetAddress[] addressesToCall(String host) throws UnknownHostException {
		return addressesToCall(host, -1);
	}

	/**
	 * As {@link #addressesToCall(String)}, for a connection to {@code port}: an allowed target's addresses are not
	 * checked. The HTTP client asks with the port, so the exemption holds for exactly that host and port.
	 */
	public InetAddress[] addressesToCall(String host, int port) throws UnknownHostException {
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(bareHost(host));
		}
		catch (SecurityException ex) {
			throw new UnknownHostException(host);
		}
		if (addresses == null || addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		if (!allowPrivateAddresses && !(port > 0 && allowedTargets.contains(key(bareHost(host), port)))) {
			for (InetAddress address : addresses) {
				Optional<Refusal> refusal = classify(address);
				if (refusal.isPresent()) {
					throw new AddressRefusedException(refusal.get());
				}
			}
		}
		return addresses.clone();
	}

	/** A host that resolved to an address we do not call; the message names the reason, never the address. */
	public static final class AddressRefusedException extends UnknownHostException {

		private static final long serialVersionUID = 1L;

		AddressRefusedException(Refusal refusal) {
			super(refusal.detail);
		}
	}

	private static ApiException refused(Refusal refusal) {
		return new ApiException(PredictionProblems.WEBHOOK_URL_REFUSED, refusal.detail,
				List.of(new FieldProblem(FIELD, refusal.detail)), Map.of("reason", refusal.code));
	}

	/** Why a webhook URL is refused: {@code code} is the stable {@code reason} clients may test for. */
	enum Refusal {

		MALFORMED("malformed", "The webhook URL must be an absolute http or https URL"),
		TOO_LONG("too-long", "The webhook URL must be at most " + MAX_URL_LENGTH + " characters long"),
		SCHEME("scheme", "The webhook URL must use http or https"),
		USERINFO("userinfo", "The webhook URL must not contain a user name or password"),
		NO_HOST("no-host", "The webhook URL must name a host"),
		HOST_UNRESOLVABLE("host-unresolvable", "The webhook URL's host cannot be resolved"),
		LOOPBACK("loopback", "The webhook URL's host is a loopback address"),
		PRIVATE("private", "The webhook URL's host is a private network address"),
		LINK_LOCAL("link-local", "The webhook URL's host is a link-local address"),
		MULTICAST("multicast", "The webhook URL's host is a multicast address"),
		INTERNAL("internal", "The webhook URL's host is not a public internet address");

		final String code;

		final String detail;

		Refusal(String code, String detail) {
			this.code = code;
			this.detail = detail;
		}
	}

	/** Name resolution, replaceable so that tests need no DNS. */
	@FunctionalInterface
	interface HostResolver {

		InetAddress[] resolve(String host) throws UnknownHostException;
	}
}
