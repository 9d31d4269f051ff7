package dev.hitter.prediction.job.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.prediction.PredictionProblems;

/** Decides which webhook URLs this service may call, so that a partner cannot aim it at our own network. */
public final class WebhookAddressPolicy {

	static final int MAX_URL_LENGTH = 2000;

	private static final String FIELD = "webhookUrl";

	private final boolean allowPrivateAddresses;

	private final HostResolver resolver;

	/**
	 * @param allowPrivateAddresses {@code true} only where the receivers are local on purpose (tests, a developer's
	 *        machine): then only the URL's form is checked.
	 */
	public WebhookAddressPolicy(boolean allowPrivateAddresses) {
		this(allowPrivateAddresses, InetAddress::getAllByName);
	}

	// Tests resolve names without DNS through this.
	WebhookAddressPolicy(boolean allowPrivateAddresses, HostResolver resolver) {
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.resolver = resolver;
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
		if (form.isPresent() || allowPrivateAddresses) {
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

	/** Why an address is not one we call, if it is not. */
	static Optional<Refusal> classify(InetAddress address) {
		if (address instanceof Inet4Address) {
			return classifyIpv4(address.getAddress());
		}
		if (address instanceof Inet6Address) {
			return classifyIpv6(address.getAddress());
		}
		return Optional.of(Refusal.INTERNAL);
	}

	private static Optional<Refusal> classifyIpv4(byte[] a) {
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		if (b0 == 127) {
			return Optional.of(Refusal.LOOPBACK);
		}
		if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
			return Optional.of(Refusal.PRIVATE);
		}
		// Carrier-grade NAT: not on the internet, but often where a provider's or a cluster's internal hosts live.
		if (b0 == 100 && (b1 & 0xc0) == 64) {
			return Optional.of(Refusal.PRIVATE);
		}
		// Includes 169.254.169.254, the cloud metadata service.
		if (b0 == 169 && b1 == 254) {
			return Optional.of(Refusal.LINK_LOCAL);
		}
		if (b0 >= 224 && b0 <= 239) {
			return Optional.of(Refusal.MULTICAST);
		}
		// 0/8 ("this network"; Linux connects 0.0.0.0 to the local host), 198.18/15 (benchmarking, used inside data
		// centres) and 240/4 (reserved, with the broadcast address 255.255.255.255).
		if (b0 == 0 || (b0 == 198 && (b1 & 0xfe) == 18) || b0 >= 240) {
			return Optional.of(Refusal.INTERNAL);
		}
		return Optional.empty();
	}

	private static Optional<Refusal> classifyIpv6(byte[] a) {
		if (isZero(a, 0, 16)) {
			return Optional.of(Refusal.INTERNAL);
		}
		if (isZero(a, 0, 15) && a[15] == 1) {
			return Optional.of(Refusal.LOOPBACK);
		}
		// IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): the connection goes to the IPv4 address.
		// InetAddress already turns most mapped literals into Inet4Address; this catches the rest.
		if (isZero(a, 0, 10) && ((a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff || a[10] == 0 && a[11] == 0)) {
			return classifyIpv4(last4(a));
		}
		// NAT64 (64:ff9b::/96) reaches the embedded IPv4 address through the gateway.
		if ((a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
				&& isZero(a, 4, 12)) {
			return classifyIpv4(last4(a));
		}
		// 6to4 (2002::/16) carries an IPv4 address in bytes 2 to 5.
		if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
			return classifyIpv4(Arrays.copyOfRange(a, 2, 6));
		}
		if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
			return Optional.of(Refusal.LINK_LOCAL);
		}
		// fc00::/7 unique-local, and fec0::/10 site-local (deprecated, still routed inside some networks).
		if ((a[0] & 0xfe) == 0xfc || ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0)) {
			return Optional.of(Refusal.PRIVATE);
		}
		if ((a[0] & 0xff) == 0xff) {
			return Optional.of(Refusal.MULTICAST);
		}
		return Optional.empty();
	}

	private static boolean isZero(byte[] a, int from, int to) {
		for (int i = from; i < to; i++) {
			if (a[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] last4(byte[] a) {
		return Arrays.copyOfRange(a, a.length - 4, a.length);
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
