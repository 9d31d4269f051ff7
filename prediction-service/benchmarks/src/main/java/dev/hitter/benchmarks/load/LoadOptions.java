package dev.hitter.benchmarks.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load benchmark's command line, checked before anything is sent. Its first word may name the workload
 * ({@code load}, the default, or {@code community}), as {@code ./hitter bench} passes it.
 */
record LoadOptions(Workload workload, URI url, List<Integer> clients, Duration duration, Duration warmup,
		String genre, int posts, Optional<Path> report, Optional<String> email, Optional<String> password,
		boolean checkOnly) {

	/** What the clients send: analyses of uploads, or the community's lists and posts. */
	enum Workload {

		LOAD("load"), COMMUNITY("community");

		/** The name on the command line and of the report's section in docs/benchmarks.md. */
		final String command;

		/** Where the report goes in the Markdown file: {@code <!-- figures:SECTION -->}. */
		final String section;

		Workload(String command) {
			this.command = command;
			this.section = command.equals("load") ? "load" : "community-load";
		}

		static Optional<Workload> named(String word) {
			for (Workload workload : values()) {
				if (workload.command.equals(word)) {
					return Optional.of(workload);
				}
			}
			return Optional.empty();
		}
	}

	static final String COMMUNITY_USAGE = """
			Usage: ./hitter bench community [options]
			  --url URL            the gateway (default http://127.0.0.1:$HITTER_PORT, port 8080 when unset)
			  --clients 1,4,16,64  concurrent clients of each level, one level after the other
			  --duration 30s       measured time of each level and operation (ms, s or m)
			  --warmup 10s         time of each level before the measurement starts
			  --posts 2000         posts to seed through the API before measuring (Korean and English, with
			                       comments and likes); 0 measures the posts already there
			  --report FILE.md     also write the figures into the <!-- figures:community-load --> section of FILE.md
			  --email E --password P   an existing member for all clients (default: sign up one fresh member per
			                       client of the busiest level, at most 16)
			  --check              only check these options (./hitter does, before it starts a system)
			""";

	/** The most members a community run signs up: sign-ups hash a password each, and reading needs no more. */
	static final int MAX_COMMUNITY_MEMBERS = 16;

	static final String USAGE = """
			Usage: ./hitter bench load [options]
			  --url URL            the gateway (default http://127.0.0.1:$HITTER_PORT, port 8080 when unset)
			  --clients 1,4,16     concurrent clients of each level, one level after the other
			  --duration 30s       measured time of each level (ms, s or m)
			  --warmup 10s         time of each level before the measurement starts
			  --genre POP          POP, BALLAD or DANCE
			  --report FILE.md     also write the figures into the <!-- figures:load --> section of FILE.md
			  --email E --password P   an existing member for all clients, within its share of the analyses
			                       (default: sign up one fresh member per client of the busiest level)
			  --check              only check these options (./hitter does, before it starts a system)
			""";

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

	static LoadOptions parse(String[] arguments) {
		Workload workload = arguments.length > 0 ? Workload.named(arguments[0]).orElse(null) : null;
		String[] args = workload == null ? arguments : Arrays.copyOfRange(arguments, 1, arguments.length);
		if (workload == null) {
			workload = Workload.LOAD;
		}
		boolean community = workload == Workload.COMMUNITY;
		String port = Optional.ofNullable(System.getenv("HITTER_PORT")).filter(p -> !p.isBlank()).orElse("8080");
		URI url = URI.create("http://127.0.0.1:" + port);
		List<Integer> clients = community ? List.of(1, 4, 16, 64) : List.of(1, 4, 16);
		Duration duration = Duration.ofSeconds(30);
		Duration warmup = Duration.ofSeconds(10);
		String genre = "POP";
		int posts = community ? 2000 : 0;
		Path report = null;
		String email = null;
		String password = null;
		boolean checkOnly = false;
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (name.equals("--help") || name.equals("-h")) {
				throw new IllegalArgumentException("");
			}
			if (name.equals("--check")) {
				checkOnly = true;
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			String value = args[++i];
			switch (name) {
				case "--url" -> url = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
				case "--clients" -> clients = clients(value);
				case "--duration" -> duration = duration(name, value);
				case "--warmup" -> warmup = duration(name, value);
				case "--genre" -> genre = only(Workload.LOAD, workload, name, genre(value));
				case "--posts" -> posts = only(Workload.COMMUNITY, workload, name, posts(value));
				case "--report" -> report = Path.of(value);
				case "--email" -> email = value;
				case "--password" -> password = value;
				default -> throw new IllegalArgumentException("unknown option " + name);
			}
		}
		if ((email == null) != (password == null)) {
			throw new IllegalArgumentException("--email and --password go together");
		}
		if (duration.isZero()) {
			throw new IllegalArgumentException("--duration must be more than 0");
		}
		return new LoadOptions(workload, url, clients, duration, warmup, genre, posts, Optional.ofNullable(report),
				Optional.ofNullable(email), Optional.ofNullable(password), checkOnly);
	}

	/**
	 * Members to sign up for the run: one per client of the busiest level, reused by every level, so that no
	 * client waits for its member's share of the analyses; none when an existing member was given.
	 */
	int membersToSignUp() {
		int busiest = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
		if (email.isPresent()) {
			return 0;
		}
		return workload == Workload.COMMUNITY ? Math.min(busiest, MAX_COMMUNITY_MEMBERS) : busiest;
	}

	/** The help of this workload's options. */
	String usage() {
		return usage(workload);
	}

	static String usage(Workload workload) {
		return workload == Workload.COMMUNITY ? COMMUNITY_USAGE : USAGE;
	}

	private static <T> T only(Workload owner, Workload workload, String name, T value) {
		if (workload != owner) {
			throw new IllegalArgumentException(name + " is an option of ./hitter bench " + owner.command + " only");
		}
		return value;
	}

	private static int posts(String value) {
		try {
			int posts = Integer.parseInt(value.trim());
			if (posts < 0 || posts > 100_000) {
				throw new NumberFormatException();
			}
			return posts;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--posts takes a number from 0 to 100000: " + value);
		}
	}

	private static List<Integer> clients(String value) {
		List<Integer> levels = new ArrayList<>();
		for (String part : value.split(",")) {
			try {
				int clients = Integer.parseInt(part.trim());
				if (clients < 1 || clients > 1024) {
					throw new NumberFormatException();
				}
				levels.add(clients);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--clients takes numbers from 1 to 1024, comma-separated: " + value);
			}
		}
		return List.copyOf(levels);
	}

	static Duration duration(String name, String value) {
		Matcher matcher = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException(name + " takes a duration such as 500ms, 30s or 2m: " + value);
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = matcher.group(2) == null ? "s" : matcher.group(2);
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

	private static String genre(String value) {
		String genre = value.toUpperCase(Locale.ROOT);
		if (!Arrays.asList("POP", "BALLAD", "DANCE").contains(genre)) {
			throw new IllegalArgumentException("--genre is one of POP, BALLAD, DANCE: " + value);
		}
		return genre;
	}
}
