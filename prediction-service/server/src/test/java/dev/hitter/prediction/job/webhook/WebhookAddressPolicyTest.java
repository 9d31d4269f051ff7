package dev.hitter.prediction.job.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}
}
