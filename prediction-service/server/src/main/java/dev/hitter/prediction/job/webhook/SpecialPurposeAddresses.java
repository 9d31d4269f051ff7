package dev.hitter.prediction.job.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.hitter.prediction.job.webhook.WebhookAddressPolicy.Refusal;

/**
 * The address ranges a webhook is never sent to: every entry of the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (as of 2025), multicast, and the IPv6 space outside global unicast. Ranges that carry an IPv4 address
 * (mapped, translated, compatible, 6to4, Teredo, NAT64) are refused with the reason of the IPv4 address inside
 * when it has one, so that {@code [::ffff:0:7f00:1]} reads as loopback.
 *
 * <p>Even the registry's "globally reachable" entries (AS112, AMT, PCP and TURN anycast…) are refused: no partner
 * runs a webhook receiver there, and a short, complete rule is easier to trust than a long, selective one. The one
 * exception is the well-known NAT64 prefix {@code 64:ff9b::/96} with a public IPv4 address inside: an IPv6-only
 * network reaches every IPv4 receiver that way (DNS64), and the packet goes to that public address.
 */
final class SpecialPurposeAddresses {

	/** One registry entry: a prefix, why it is refused, and where it is defined. */
	record Range(String cidr, Refusal refusal, String name, String rfc) {

		boolean contains(byte[] address) {
			int slash = cidr.indexOf('/');
			byte[] prefix = literal(cidr.substring(0, slash));
			int bits = Integer.parseInt(cidr.substring(slash + 1));
			if (prefix.length != address.length) {
				return false;
			}
			for (int bit = 0; bit < bits; bit++) {
				int mask = 0x80 >>> (bit % 8);
				if ((prefix[bit / 8] & mask) != (address[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}

	/** IANA IPv4 Special-Purpose Address Registry, plus multicast; the first matching entry names the reason. */
	static final List<Range> IPV4 = List.of(
			new Range("0.0.0.0/8", Refusal.INTERNAL, "this network (Linux connects 0.0.0.0 to the local host)",
					"RFC 791 §3.2"),
			new Range("10.0.0.0/8", Refusal.PRIVATE, "private use", "RFC 1918"),
			new Range("100.64.0.0/10", Refusal.PRIVATE, "shared address space (carrier-grade NAT, clusters)",
					"RFC 6598"),
			new Range("127.0.0.0/8", Refusal.LOOPBACK, "loopback", "RFC 1122 §3.2.1.3"),
			new Range("169.254.0.0/16", Refusal.LINK_LOCAL, "link-local, with the cloud metadata service",
					"RFC 3927"),
			new Range("172.16.0.0/12", Refusal.PRIVATE, "private use", "RFC 1918"),
			new Range("192.0.0.0/24", Refusal.INTERNAL,
					"IETF protocol assignments (DS-Lite, PCP and TURN anycast, NAT64 discovery…)", "RFC 6890 §2.1"),
			new Range("192.0.2.0/24", Refusal.INTERNAL, "documentation (TEST-NET-1)", "RFC 5737"),
			new Range("192.31.196.0/24", Refusal.INTERNAL, "AS112-v4", "RFC 7535"),
			new Range("192.52.193.0/24", Refusal.INTERNAL, "AMT", "RFC 7450"),
			new Range("192.88.99.0/24", Refusal.INTERNAL, "deprecated 6to4 relay anycast", "RFC 7526"),
			new Range("192.168.0.0/16", Refusal.PRIVATE, "private use", "RFC 1918"),
			new Range("192.175.48.0/24", Refusal.INTERNAL, "AS112 direct delegation", "RFC 7534"),
			new Range("198.18.0.0/15", Refusal.INTERNAL, "benchmarking (used inside data centres)", "RFC 2544"),
			new Range("198.51.100.0/24", Refusal.INTERNAL, "documentation (TEST-NET-2)", "RFC 5737"),
			new Range("203.0.113.0/24", Refusal.INTERNAL, "documentation (TEST-NET-3)", "RFC 5737"),
			new Range("224.0.0.0/4", Refusal.MULTICAST, "multicast", "RFC 5771"),
			new Range("240.0.0.0/4", Refusal.INTERNAL, "reserved, with the limited broadcast 255.255.255.255",
					"RFC 1112 §4, RFC 919 §7"));

	/** IANA IPv6 Special-Purpose Address Registry, plus multicast and site-local. */
	static final List<Range> IPV6 = List.of(
			new Range("::1/128", Refusal.LOOPBACK, "loopback", "RFC 4291"),
			new Range("::/128", Refusal.INTERNAL, "unspecified", "RFC 4291"),
			new Range("::ffff:0:0/96", Refusal.INTERNAL, "IPv4-mapped", "RFC 4291"),
			new Range("::ffff:0:0:0/96", Refusal.INTERNAL, "IPv4-translated", "RFC 2765"),
			new Range("::/96", Refusal.INTERNAL, "IPv4-compatible (deprecated)", "RFC 4291 §2.5.5.1"),
			new Range("64:ff9b::/96", Refusal.INTERNAL, "IPv4/IPv6 translation (NAT64, well-known prefix)",
					"RFC 6052"),
			new Range("64:ff9b:1::/48", Refusal.INTERNAL, "local-use IPv4/IPv6 translation", "RFC 8215"),
			new Range("100::/64", Refusal.INTERNAL, "discard-only", "RFC 6666"),
			new Range("100:0:0:1::/64", Refusal.INTERNAL, "dummy IPv6 prefix", "RFC 9780"),
			new Range("2001::/32", Refusal.INTERNAL, "Teredo", "RFC 4380"),
			new Range("2001::/23", Refusal.INTERNAL,
					"IETF protocol assignments (PCP, TURN anycast, benchmarking, AMT, AS112, ORCHID, drone ids…)",
					"RFC 2928"),
			new Range("2001:db8::/32", Refusal.INTERNAL, "documentation", "RFC 3849"),
			new Range("2002::/16", Refusal.INTERNAL, "6to4", "RFC 3056"),
			new Range("2620:4f:8000::/48", Refusal.INTERNAL, "AS112 direct delegation", "RFC 7534"),
			new Range("3fff::/20", Refusal.INTERNAL, "documentation", "RFC 9637"),
			new Range("5f00::/16", Refusal.INTERNAL, "segment routing SIDs", "RFC 9602"),
			new Range("fc00::/7", Refusal.PRIVATE, "unique-local", "RFC 4193"),
			new Range("fe80::/10", Refusal.LINK_LOCAL, "link-local unicast", "RFC 4291"),
			new Range("fec0::/10", Refusal.PRIVATE, "site-local (deprecated, still routed inside some networks)",
					"RFC 3879"),
			new Range("ff00::/8", Refusal.MULTICAST, "multicast", "RFC 4291"));

	// Only 2000::/3 is global unicast (IANA IPv6 Address Space); the rest is reserved or special.
	private static final Range GLOBAL_UNICAST = new Range("2000::/3", Refusal.INTERNAL, "global unicast",
			"RFC 4291");

	private static final Range NAT64 = IPV6.get(5);

	private SpecialPurposeAddresses() {
	}

	/** Why an address is not one we call, if it is not. */
	static Optional<Refusal> refusal(InetAddress address) {
		if (address instanceof Inet4Address) {
			return ipv4(address.getAddress());
		}
		if (address instanceof Inet6Address) {
			return ipv6(address.getAddress());
		}
		return Optional.of(Refusal.INTERNAL);
	}

	private static Optional<Refusal> ipv4(byte[] a) {
		return IPV4.stream().filter(range -> range.contains(a)).map(Range::refusal).findFirst();
	}

	private static Optional<Refusal> ipv6(byte[] a) {
		Optional<Range> range = IPV6.stream().filter(r -> r.contains(a)).findFirst();
		if (range.isEmpty()) {
			return GLOBAL_UNICAST.contains(a) ? Optional.empty() : Optional.of(Refusal.INTERNAL);
		}
		Optional<byte[]> embedded = embeddedIpv4(range.get(), a);
		if (embedded.isPresent()) {
			Optional<Refusal> inner = ipv4(embedded.get());
			if (range.get() == NAT64) {
				return inner;
			}
			return Optional.of(inner.orElse(range.get().refusal()));
		}
		return Optional.of(range.get().refusal());
	}

	/** The IPv4 address a packet to this IPv6 address ends up at, for the ranges that carry one. */
	private static Optional<byte[]> embeddedIpv4(Range range, byte[] a) {
		return switch (range.cidr()) {
			case "::ffff:0:0/96", "::ffff:0:0:0/96", "::/96", "64:ff9b::/96" -> Optional.of(Arrays.copyOfRange(a, 12, 16));
			case "2002::/16" -> Optional.of(Arrays.copyOfRange(a, 2, 6));
			// The Teredo client's address, stored inverted in the last four bytes.
			case "2001::/32" -> {
				byte[] client = Arrays.copyOfRange(a, 12, 16);
				for (int i = 0; i < client.length; i++) {
					client[i] = (byte) ~client[i];
				}
				yield Optional.of(client);
			}
			default -> Optional.empty();
		};
	}

	private static byte[] literal(String address) {
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (address.contains(":") && bytes.length == 4) {
				// The JDK turns ::ffff:a.b.c.d into IPv4; as a prefix it is the IPv6 form that counts.
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xff;
				mapped[11] = (byte) 0xff;
				System.arraycopy(bytes, 0, mapped, 12, 4);
				return mapped;
			}
			return bytes;
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(address, ex);
		}
	}
}
