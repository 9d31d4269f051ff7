package dev.hitter.gateway.clientaddress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ClientAddressResolutionTest {

	private static final Predicate<String> NONE = address -> false;

	private static final Predicate<String> INGRESS = Pattern.compile("10\\.0\\.0\\.\\d+").asMatchPredicate();

	@Test
	void withoutTrustedProxiesTheConnectionsPeerIsTheClientWhateverItWrites() {
		assertThat(ClientAddressWebFilter.resolve("203.0.113.9", List.of("1.2.3.4"), NONE)).isEqualTo("203.0.113.9");
		assertThat(ClientAddressWebFilter.resolve("203.0.113.9", List.of(), NONE)).isEqualTo("203.0.113.9");
	}

	@Test
	void behindATrustedIngressTheAddressItAppendedCountsNotWhatTheClientPrepended() {
		// The client sent "X-Forwarded-For: 1.2.3.4"; the ingress appended the address it saw.
		assertThat(ClientAddressWebFilter.resolve("10.0.0.5", List.of("1.2.3.4, 198.51.100.7"), INGRESS))
			.isEqualTo("198.51.100.7");
		assertThat(ClientAddressWebFilter.resolve("10.0.0.5", List.of("1.2.3.4", "198.51.100.7, 10.0.0.4"), INGRESS))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void anUntrustedPeerCannotChooseItsAddressEvenWithTrustedProxiesSet() {
		assertThat(ClientAddressWebFilter.resolve("198.51.100.7", List.of("10.0.0.5"), INGRESS))
			.isEqualTo("198.51.100.7");
	}

	@Test
	void garbageInTheHeaderStopsTheWalkAtTheLastTrustedHop() {
		assertThat(ClientAddressWebFilter.resolve("10.0.0.5", List.of("evil.example"), INGRESS)).isEqualTo("10.0.0.5");
		assertThat(ClientAddressWebFilter.resolve("10.0.0.5", List.of("x".repeat(5000)), INGRESS))
			.isEqualTo("10.0.0.5");
		assertThat(ClientAddressWebFilter.resolve("10.0.0.5", List.of(), INGRESS)).isEqualTo("10.0.0.5");
	}

	@Test
	void ipv6ClientsAreKeptAsTheyAre() {
		assertThat(ClientAddressWebFilter.resolve("10.0.0.5", List.of("2001:db8::7"), INGRESS)).isEqualTo("2001:db8::7");
	}
}
