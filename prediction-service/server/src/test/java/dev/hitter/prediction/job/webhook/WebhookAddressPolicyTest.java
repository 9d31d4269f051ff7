package dev.hitter.prediction.job.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.prediction.PredictionProblems;

class WebhookAddressPolicyTest {

	private final WebhookAddressPolicy strict = new WebhookAddressPolicy(false);

	@ParameterizedTest(name = "{0} is refused as {1}")
	@CsvSource({
			// loopback
			"http://127.0.0.1/hook, loopback",
			"http://127.255.0.9:8080/hook, loopback",
			"http://[::1]/hook, loopback",
			"http://localhost:8080/hook, loopback",
			"http://[::ffff:127.0.0.1]/hook, loopback",
			"http://[::127.0.0.1]/hook, loopback",
			"http://[2002:7f00:1::]/hook, loopback",
			// private networks
			"https://10.1.2.3/hook, private",
			"https://172.16.0.1/hook, private",
			"https://172.31.255.255/hook, private",
			"https://192.168.1.1/hook, private",
			"https://100.64.0.1/hook, private",
			"https://100.127.255.255/hook, private",
			"https://[fc00::1]/hook, private",
			"https://[fd12:3456::1]/hook, private",
			"https://[fec0::1]/hook, private",
			"https://[::ffff:10.0.0.1]/hook, private",
			"https://[64:ff9b::a00:1]/hook, private",
			// link-local, with the cloud metadata service
			"http://169.254.169.254/latest/meta-data/, link-local",
			"http://[fe80::1]/hook, link-local",
			"http://[febf::1]/hook, link-local",
			"http://[::ffff:169.254.169.254]/hook, link-local",
			// multicast
			"http://224.0.0.1/hook, multicast",
			"http://239.255.255.250/hook, multicast",
			"http://[ff02::1]/hook, multicast",
			// everything else that is not the public internet
			"http://0.0.0.0/hook, internal",
			"http://0.1.2.3/hook, internal",
			"http://[::]/hook, internal",
			"http://255.255.255.255/hook, internal",
			"http://240.0.0.1/hook, internal",
			"http://198.18.0.1/hook, internal" })
	void refusesInternalAddresses(String url, String reason) {
		assertRefused(url, reason);
		assertThat(strict.allowed(URI.create(url))).isFalse();
	}

	/**
	 * One address at each end of every range in the IANA IPv4 and IPv6 special-purpose address registries (and
	 * multicast, site-local and the rest of the IPv6 space outside 2000::/3), asked the way a resolver answers: as
	 * the address object, so that the JDK's own turning of {@code ::ffff:a.b.c.d} into IPv4 does not hide a range.
	 */
	@ParameterizedTest(name = "{0} ({1}) is refused")
	@CsvSource(delimiter = '|', value = {
			"0.0.0.0 | this network, RFC 791", "0.255.255.255 | this network, RFC 791",
			"10.0.0.0 | private, RFC 1918", "10.255.255.255 | private, RFC 1918",
			"100.64.0.0 | shared address space, RFC 6598", "100.127.255.255 | shared address space, RFC 6598",
			"127.0.0.0 | loopback, RFC 1122", "127.255.255.255 | loopback, RFC 1122",
			"169.254.0.0 | link-local, RFC 3927", "169.254.255.255 | link-local, RFC 3927",
			"172.16.0.0 | private, RFC 1918", "172.31.255.255 | private, RFC 1918",
			"192.0.0.0 | IETF protocol assignments, RFC 6890", "192.0.0.9 | PCP anycast, RFC 7723",
			"192.0.0.170 | NAT64/DNS64 discovery, RFC 8880", "192.0.0.255 | IETF protocol assignments, RFC 6890",
			"192.0.2.0 | TEST-NET-1, RFC 5737", "192.0.2.255 | TEST-NET-1, RFC 5737",
			"192.31.196.0 | AS112-v4, RFC 7535", "192.31.196.255 | AS112-v4, RFC 7535",
			"192.52.193.0 | AMT, RFC 7450", "192.52.193.255 | AMT, RFC 7450",
			"192.88.99.0 | 6to4 relay anycast, RFC 7526", "192.88.99.255 | 6to4 relay anycast, RFC 7526",
			"192.168.0.0 | private, RFC 1918", "192.168.255.255 | private, RFC 1918",
			"192.175.48.0 | AS112 direct delegation, RFC 7534", "192.175.48.255 | AS112 direct delegation, RFC 7534",
			"198.18.0.0 | benchmarking, RFC 2544", "198.19.255.255 | benchmarking, RFC 2544",
			"198.51.100.0 | TEST-NET-2, RFC 5737", "198.51.100.255 | TEST-NET-2, RFC 5737",
			"203.0.113.0 | TEST-NET-3, RFC 5737", "203.0.113.255 | TEST-NET-3, RFC 5737",
			"224.0.0.0 | multicast, RFC 5771", "239.255.255.255 | multicast, RFC 5771",
			"240.0.0.0 | reserved, RFC 1112", "255.255.255.254 | reserved, RFC 1112",
			"255.255.255.255 | limited broadcast, RFC 919",
			"::1 | loopback, RFC 4291", ":: | unspecified, RFC 4291",
			"::ffff:0:0 | IPv4-mapped, RFC 4291", "::ffff:8.8.8.8 | IPv4-mapped, RFC 4291",
			"::ffff:ffff:ffff | IPv4-mapped, RFC 4291",
			"::ffff:0:7f00:1 | IPv4-translated, RFC 2765", "::ffff:0:808:808 | IPv4-translated, RFC 2765",
			"::808:808 | IPv4-compatible, RFC 4291", "::7f00:1 | IPv4-compatible, RFC 4291",
			"64:ff9b::7f00:1 | IPv4/IPv6 translation of loopback, RFC 6052",
			"64:ff9b::c000:aa | IPv4/IPv6 translation of 192.0.0.170, RFC 6052",
			"64:ff9b:1:: | local-use IPv4/IPv6 translation, RFC 8215",
			"64:ff9b:1:ffff:ffff:ffff:ffff:ffff | local-use IPv4/IPv6 translation, RFC 8215",
			"64:ff9b:1::808:808 | local-use IPv4/IPv6 translation, RFC 8215",
			"100:: | discard-only, RFC 6666", "100::ffff:ffff:ffff:ffff | discard-only, RFC 6666",
			"100:0:0:1:: | dummy prefix, RFC 9780", "100:0:0:1:ffff:ffff:ffff:ffff | dummy prefix, RFC 9780",
			"2001:: | IETF protocol assignments, RFC 2928",
			"2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff | IETF protocol assignments, RFC 2928",
			"2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo, RFC 4380",
			"2001:0:4136:e378:8000:63bf:f7f7:f7f7 | Teredo of 8.8.8.8, RFC 4380",
			"2001:1::1 | PCP anycast, RFC 7723", "2001:2:: | benchmarking, RFC 5180", "2001:3:: | AMT, RFC 7450",
			"2001:4:112:: | AS112-v6, RFC 7535", "2001:20:: | ORCHIDv2, RFC 7343", "2001:30:: | drone remote ID, RFC 9374",
			"2001:db8:: | documentation, RFC 3849", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff | documentation, RFC 3849",
			"2002:: | 6to4, RFC 3056", "2002:808:808:: | 6to4 of 8.8.8.8, RFC 3056",
			"2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff | 6to4, RFC 3056",
			"2620:4f:8000:: | AS112 direct delegation, RFC 7534",
			"2620:4f:8000:ffff:ffff:ffff:ffff:ffff | AS112 direct delegation, RFC 7534",
			"3fff:: | documentation, RFC 9637", "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff | documentation, RFC 9637",
			"5f00:: | segment routing SIDs, RFC 9602", "5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff | segment routing SIDs, RFC 9602",
			"fc00:: | unique-local, RFC 4193", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | unique-local, RFC 4193",
			"fe80:: | link-local, RFC 4291", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff | link-local, RFC 4291",
			"fec0:: | site-local, RFC 3879", "ff00:: | multicast, RFC 4291",
			"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | multicast, RFC 4291",
			"4000:: | not global unicast (outside 2000::/3), RFC 4291", "1000::1 | not global unicast, RFC 4291" })
	void refusesEverySpecialPurposeRange(String address, String range) throws UnknownHostException {
		InetAddress answer = asResolved(address);

		assertThat(WebhookAddressPolicy.classify(answer)).as("%s in %s", answer, range).isPresent();
		WebhookAddressPolicy policy = new WebhookAddressPolicy(false, host -> new InetAddress[] { answer });
		assertRefused(policy, "https://hooks.label.example/hook", WebhookAddressPolicy.classify(answer).get().code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.1.1", "192.31.197.1", "192.52.192.255", "198.20.0.1", "203.0.114.1", "223.255.255.1",
			"2001:200::1", "2001:db9::1", "2620:4f:8001::1", "3fff:1000::1", "2c0f:f000::1", "2003::1",
			// NAT64 of a public address (RFC 6052): an IPv6-only network reaches IPv4 receivers only this way.
			"64:ff9b::808:808" })
	void acceptsThePublicNeighboursOfSpecialRanges(String address) throws UnknownHostException {
		assertThat(WebhookAddressPolicy.classify(asResolved(address))).as(address).isEmpty();
	}

	@Test
	void refusesAnIpv4TranslatedLoopbackLiteral() {
		assertRefused("http://[::ffff:0:7f00:1]/hook", "loopback");
		assertRefused("http://[64:ff9b:1::7f00:1]/hook", "internal");
		assertRefused("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook", "loopback");
	}

	@Test
	void checksTheAddressesItHandsToTheConnection() {
		WebhookAddressPolicy policy = new WebhookAddressPolicy(false,
				host -> new InetAddress[] { address("93.184.216.34"), address("127.0.0.1") });

		UnknownHostException refused = catchThrowableOfType(UnknownHostException.class,
				() -> policy.addressesToCall("hooks.label.example"));

		assertThat(refused).isInstanceOf(WebhookAddressPolicy.AddressRefusedException.class)
			.hasMessageNotContaining("127.0.0.1");
	}

	@ParameterizedTest(name = "{0} is refused as {1}")
	@CsvSource(delimiter = '|', value = {
			"ftp://93.184.216.34/hook | scheme",
			"file:///etc/passwd | scheme",
			"javascript:alert(1) | malformed",
			"https://user:secret@93.184.216.34/hook | userinfo",
			"https://user@93.184.216.34/hook | userinfo",
			"not a url | malformed",
			"/relative/hook | malformed",
			"https:// | malformed",
			"https://93.184.216.34:0/hook | malformed",
			"https:///hook | no-host",
			"http://exa_mple.com/hook | no-host" })
	void refusesUrlsOfTheWrongForm(String url, String reason) {
		assertRefused(url, reason);
	}

	@Test
	void refusesMissingAndOverlongUrls() {
		assertRefused(null, "malformed");
		assertRefused("  ", "malformed");
		String overlong = "https://93.184.216.34/" + "a".repeat(WebhookAddressPolicy.MAX_URL_LENGTH);
		assertRefused(overlong, "too-long");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://93.184.216.34/hook", "http://93.184.216.34:8080/hooks?label=7",
			"https://[2606:4700::1111]/x", "https://172.32.0.1/hook", "https://100.128.0.1/hook",
			"https://11.0.0.1/hook", "HTTPS://8.8.8.8/hook" })
	void acceptsPublicLiteralAddressesWithoutDns(String url) {
		WebhookAddressPolicy noDns = new WebhookAddressPolicy(false, WebhookAddressPolicyTest::literalsOnly);

		assertThat(noDns.requireAllowed(url)).isEqualTo(URI.create(url));
		assertThat(noDns.allowed(URI.create(url))).isTrue();
	}

	@Test
	void refusesANameWhenAnyOfItsAddressesIsInternal() {
		WebhookAddressPolicy policy = new WebhookAddressPolicy(false,
				host -> host.equals("hooks.label.example")
						? new InetAddress[] { address("93.184.216.34"), address("10.0.0.7") }
						: literalsOnly(host));

		assertRefused(policy, "https://hooks.label.example/hook", "private");
	}

	@Test
	void acceptsANameThatResolvesToPublicAddressesOnly() {
		WebhookAddressPolicy policy = new WebhookAddressPolicy(false,
				host -> new InetAddress[] { address("93.184.216.34"), address("2606:4700::1111") });

		assertThat(policy.requireAllowed("https://hooks.label.example/hook").getHost())
			.isEqualTo("hooks.label.example");
	}

	@Test
	void refusesUnresolvableNames() {
		WebhookAddressPolicy policy = new WebhookAddressPolicy(false, host -> {
			throw new UnknownHostException(host);
		});

		assertRefused(policy, "https://gone.label.example/hook", "host-unresolvable");
		assertThat(policy.allowed(URI.create("https://gone.label.example/hook"))).isFalse();
	}

	@Test
	void refusesAtDeliveryANameThatNowResolvesInternally() {
		String[] answer = { "93.184.216.34" };
		WebhookAddressPolicy policy = new WebhookAddressPolicy(false, host -> new InetAddress[] { address(answer[0]) });
		URI url = policy.requireAllowed("https://hooks.label.example/hook");

		answer[0] = "169.254.169.254";

		assertThat(policy.allowed(url)).isFalse();
	}

	@Test
	void allowsLocalAddressesWhenConfiguredTo() {
		WebhookAddressPolicy local = new WebhookAddressPolicy(true);

		assertThat(local.requireAllowed("http://127.0.0.1:8089/hook"))
			.isEqualTo(URI.create("http://127.0.0.1:8089/hook"));
		assertThat(local.requireAllowed("http://localhost/hook").getHost()).isEqualTo("localhost");
		assertThat(local.allowed(URI.create("http://[::1]/hook"))).isTrue();
	}

	@Test
	void stillChecksTheFormWhenLocalAddressesAreAllowed() {
		WebhookAddressPolicy local = new WebhookAddressPolicy(true);

		assertRefused(local, "ftp://127.0.0.1/hook", "scheme");
		assertRefused(local, "http://user:pw@127.0.0.1/hook", "userinfo");
		assertThat(local.allowed(URI.create("file:///etc/passwd"))).isFalse();
	}

	@Test
	void exemptsExactlyTheOperatorsAllowedTargets() throws UnknownHostException {
		WebhookAddressPolicy operator = new WebhookAddressPolicy(false,
				List.of("127.0.0.1:8701", " 10.0.0.5:443", "[::1]:9000", "Relay.Internal:8080"),
				WebhookAddressPolicyTest::literalsOrRelay);

		assertThat(operator.requireAllowed("http://127.0.0.1:8701/hook")).hasPort(8701);
		assertThat(operator.allowed(URI.create("https://10.0.0.5/hooks/hitter"))).isTrue();
		assertThat(operator.allowed(URI.create("http://[::1]:9000/hook"))).isTrue();
		assertThat(operator.allowed(URI.create("http://relay.internal:8080/hook"))).isTrue();
		assertThat(operator.addressesToCall("127.0.0.1", 8701)).containsExactly(address("127.0.0.1"));
		assertThat(operator.addressesToCall("relay.internal", 8080)).containsExactly(address("10.9.8.7"));

		// Another port, another spelling of the host, the scheme's other default port: the rule holds.
		assertRefused(operator, "http://127.0.0.1:8702/hook", "loopback");
		assertRefused(operator, "http://127.0.0.1/hook", "loopback");
		assertRefused(operator, "http://10.0.0.5/hook", "private");
		assertRefused(operator, "http://[::ffff:127.0.0.1]:8701/hook", "loopback");
		assertRefused(operator, "http://relay.internal:8081/hook", "private");
		assertRefused(operator, "http://169.254.169.254/latest/meta-data/", "link-local");
		assertThat(catchThrowableOfType(UnknownHostException.class, () -> operator.addressesToCall("127.0.0.1", 8702)))
			.isInstanceOf(WebhookAddressPolicy.AddressRefusedException.class);
		assertThat(catchThrowableOfType(UnknownHostException.class, () -> operator.addressesToCall("127.0.0.1")))
			.isInstanceOf(WebhookAddressPolicy.AddressRefusedException.class);
		// The form is still checked for an allowed target.
		assertRefused(operator, "http://user:pw@127.0.0.1:8701/hook", "userinfo");
		assertRefused(operator, "ftp://127.0.0.1:8701/hook", "scheme");
	}

	@ParameterizedTest(name = "allowed target \"{0}\" is refused at start-up")
	@ValueSource(strings = { "127.0.0.1", "127.0.0.1:", ":8080", "127.0.0.1:0", "127.0.0.1:70000", "::1:8080",
			"http://127.0.0.1:8080", "127.0.0.1:80/hook", "user@127.0.0.1:80", "127.0.0.1:port" })
	void refusesAllowedTargetsThatAreNotHostAndPort(String entry) {
		assertThat(catchThrowableOfType(IllegalArgumentException.class,
				() -> new WebhookAddressPolicy(false, List.of(entry))))
			.hasMessageContaining("hitter.prediction.jobs.webhook.allowed-targets");
	}

	private static InetAddress[] literalsOrRelay(String host) throws UnknownHostException {
		return host.equals("relay.internal") ? new InetAddress[] { address("10.9.8.7") } : literalsOnly(host);
	}

	private void assertRefused(String url, String reason) {
		assertRefused(strict, url, reason);
	}

	private static void assertRefused(WebhookAddressPolicy policy, String url, String reason) {
		ApiException refusal = catchThrowableOfType(ApiException.class, () -> policy.requireAllowed(url));

		assertThat(refusal).as("refusal of %s", url).isNotNull();
		assertThat(refusal.type()).isEqualTo(PredictionProblems.WEBHOOK_URL_REFUSED);
		assertThat(refusal.properties()).isEqualTo(Map.of("reason", reason));
		assertThat(refusal.fieldProblems()).extracting(FieldProblem::field).containsExactly("webhookUrl");
		assertThat(refusal.getMessage()).isNotBlank();
	}

	/** Resolves IP literals as the JDK does (no lookup) and fails for names, so no test can reach DNS. */
	private static InetAddress[] literalsOnly(String host) throws UnknownHostException {
		if (!host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
			throw new UnknownHostException("no DNS in tests: " + host);
		}
		return InetAddress.getAllByName(host);
	}

	/** An address as a resolver hands it over: IPv6 stays IPv6 even where the JDK would make an IPv4 of it. */
	private static InetAddress asResolved(String literal) throws UnknownHostException {
		InetAddress parsed = InetAddress.getByName(literal);
		if (literal.contains(":") && parsed instanceof java.net.Inet4Address) {
			byte[] mapped = new byte[16];
			mapped[10] = (byte) 0xff;
			mapped[11] = (byte) 0xff;
			System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
			return java.net.Inet6Address.getByAddress(null, mapped, -1);
		}
		return parsed;
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}
}
