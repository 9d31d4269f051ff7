package dev.hitter.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.hitter.benchmarks.BenchmarkReport;
import dev.hitter.benchmarks.SyntheticTrack;

/**
 * The load benchmark through the gateway: 4-minute MP3 uploads with lyrics from 1, 4 and 16 concurrent clients,
 * each level's latency percentiles, refusals, errors and analyses per second, optionally written into
 * docs/benchmarks.md. Run it with {@code ./hitter bench load}, which starts the system first when none answers.
 */
public final class GatewayLoadBenchmark {

	/** A short song in Korean and English, as members upload them; the lyrics model sees both languages. */
	static final String LYRICS = """
			[Verse]
			사랑한다고 말하지 못했던 내 마음을 알아줘
			그대여 다시 함께 걸어가자 tonight
			빗소리에 묻힌 너의 이름을 불러
			I keep on dancing in the neon light
			[Chorus]
			너와 나 이 밤이 끝나지 않게
			hold me close, don't let go
			우리의 노래가 세상에 울려 퍼지게
			we're shining brighter than the stars
			[Verse]
			어제의 눈물은 이제 다 잊어버려
			every heartbeat is calling out your name
			첫사랑처럼 설레는 이 순간
			forever young, forever free
			""";

	private GatewayLoadBenchmark() {
	}

	/** @param args the options, after the workload's name ({@code load}, the default, or {@code community}) */
	public static void main(String[] args) throws Exception {
		LoadOptions.Workload workload = args.length > 0
				? LoadOptions.Workload.named(args[0]).orElse(LoadOptions.Workload.LOAD) : LoadOptions.Workload.LOAD;
		LoadOptions options;
		try {
			options = LoadOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			if (!ex.getMessage().isEmpty()) {
				System.err.println("hitter bench " + workload.command + ": " + ex.getMessage());
			}
			System.err.print(LoadOptions.usage(workload));
			System.exit(ex.getMessage().isEmpty() ? 0 : 2);
			return;
		}
		if (options.checkOnly()) {
			System.exit(0);
		}
		System.exit(options.workload() == LoadOptions.Workload.COMMUNITY ? community(options, args) : run(options, args));
	}

	private static HttpClient http() {
		// HTTP/1.1 as most partner tools and browsers behind proxies speak it, and no h2c upgrade attempt on every
		// new connection.
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static int run(LoadOptions options, String[] args) throws Exception {
		HttpClient http = http();

		log("making a 4-minute MP3 ...");
		Path file = Files.createTempFile("hitter-load-", ".mp3");
		byte[] audio;
		try {
			audio = Files.readAllBytes(SyntheticTrack.mp3(file, 240));
		}
		finally {
			Files.deleteIfExists(file);
		}
		MultipartBody form = new MultipartBody().field("genre", options.genre())
			.field("title", "Load benchmark")
			.field("artist", "HITTER bench")
			.field("lyrics", LYRICS)
			.file("audio", "load-benchmark.mp3", "audio/mpeg", audio);
		byte[] body = form.bytes();

		List<GatewaySession> members = members(http, options);
		GatewaySession firstMember = members.get(0);

		// One upload first: a wrong genre, URL or account should stop the run now, not after minutes of errors.
		GatewaySession.Answer first = firstMember.analyse(firstMember.accessToken(), form, body);
		if (first.status() != 201) {
			System.err.println("hitter bench load: the first upload was answered " + first.status() + ": " + first.body());
			return 1;
		}

		// Other work on the machine competes for the same cores: the report shows how busy it was.
		double loadAverageBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		List<LoadLevel.Result> results = new ArrayList<>();
		LoadLevel level = new LoadLevel(members, LoadLevel.upload(form, body));
		for (int clients : options.clients()) {
			log(clients + " clients: " + options.warmup().toSeconds() + " s warm-up, " + options.duration().toSeconds()
					+ " s measured ...");
			LoadLevel.Result result = level.run(clients, options.warmup(), options.duration());
			results.add(result);
			log(String.format(Locale.ROOT, "%d clients: %d analysed, %d refused, %d errors, p50 %.0f ms, p99 %.0f ms, "
					+ "%.2f analyses/s", clients, result.latencies().count(), result.refused(), result.failed(),
					result.latencies().p50(), result.latencies().p99(), result.perSecond()));
		}

		int created = members.stream().mapToInt(member -> member.created().size()).sum();
		int deleted = deleteAll(members);
		String figures = LoadReport.markdown(options, LoadReport.command(args),
				Optional.ofNullable(System.getProperty("hitter.bench.system")).filter(s -> !s.isBlank()), body.length,
				audio.length, LYRICS.getBytes(StandardCharsets.UTF_8).length, results, created, deleted,
				loadAverageBefore);
		System.out.println();
		System.out.print(figures);
		if (options.report().isPresent()) {
			BenchmarkReport.writeSection(options.report().get(), "load", figures);
		}
		return results.stream().anyMatch(r -> r.latencies().count() > 0) ? 0 : 1;
	}

	/**
	 * The clients' members: the existing one given with --email for every client, or one fresh member per client of
	 * the busiest level, so that each client stays within its member's share of the analyses.
	 */
	private static List<GatewaySession> members(HttpClient http, LoadOptions options)
			throws IOException, InterruptedException {
		if (options.email().isPresent()) {
			GatewaySession member = GatewaySession.logIn(http, options.url(), options.email().get(),
					options.password().orElseThrow());
			log("every client is the existing member " + member.email() + " at " + options.url()
					+ "; its share of the analyses applies");
			return List.of(member);
		}
		int count = options.membersToSignUp();
		log("signing up " + count + " fresh members at " + options.url() + ", one per client ...");
		List<GatewaySession> members = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			members.add(GatewaySession.signUpFreshMember(http, options.url(), i));
		}
		return List.copyOf(members);
	}

	/**
	 * The community workload: seeds a board through the API, then at each level measures listing, then reading, each
	 * for its own warm-up and window, with the CPU each process used meanwhile.
	 */
	private static int community(LoadOptions options, String[] args) throws Exception {
		HttpClient http = http();
		List<GatewaySession> members = members(http, options);
		CommunityLoad community = new CommunityLoad(members);
		long seedingStarted = System.nanoTime();
		if (options.posts() > 0) {
			log("seeding " + options.posts() + " posts with comments and likes through the API ...");
		}
		community.seed(options.posts());
		double seedingSeconds = (System.nanoTime() - seedingStarted) / 1e9;
		log(String.format(Locale.ROOT, "seeded %d posts, %d comments, %d likes in %.0f s; %d posts to read, %d deep pages",
				community.seededPosts(), community.seededComments(), community.seededLikes(), seedingSeconds,
				community.readablePosts(), community.deepPages()));

		Optional<java.nio.file.Path> checkout = CpuUse.checkout();
		double loadAverageBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		List<LoadReport.Measured> results = new ArrayList<>();
		for (int clients : options.clients()) {
			for (String operation : LoadReport.OPERATIONS) {
				double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
				log(clients + " clients, " + operation + ": " + options.warmup().toSeconds() + " s warm-up, "
						+ options.duration().toSeconds() + " s measured ...");
				LoadLevel level = new LoadLevel(members, operation.equals("list") ? community.list() : community.read());
				CpuUse.Sample[] window = new CpuUse.Sample[2];
				LoadLevel.Result result = level.run(clients, options.warmup(), options.duration(),
						() -> window[0] = CpuUse.sample(checkout), () -> window[1] = CpuUse.sample(checkout));
				results.add(new LoadReport.Measured(operation, result, window[1].coresSince(window[0]), loadAverage));
				log(String.format(Locale.ROOT, "%d clients, %s: %d answered, %d errors, p50 %.1f ms, p99 %.1f ms, "
						+ "%.0f requests/s", clients, operation, result.latencies().count(), result.failed(),
						result.latencies().p50(), result.latencies().p99(), result.perSecond()));
			}
		}

		log("deleting the " + community.seededPosts() + " posts of this run ...");
		int deleted = community.deleteSeeded();
		String figures = LoadReport.community(options, LoadReport.command(args),
				Optional.ofNullable(System.getProperty("hitter.bench.system")).filter(s -> !s.isBlank()), community,
				seedingSeconds, results, deleted, loadAverageBefore);
		System.out.println();
		System.out.print(figures);
		if (options.report().isPresent()) {
			BenchmarkReport.writeSection(options.report().get(), options.workload().section, figures);
		}
		return results.stream().anyMatch(r -> r.result().latencies().count() > 0) ? 0 : 1;
	}

	/** So that a benchmark member's history does not grow with every run: each member deletes its own. */
	private static int deleteAll(List<GatewaySession> members) {
		int created = members.stream().mapToInt(member -> member.created().size()).sum();
		log("deleting the " + created + " predictions of this run ...");
		int deleted = 0;
		for (GatewaySession member : members) {
			for (String location : member.created()) {
				try {
					if (member.delete(location)) {
						deleted++;
					}
				}
				catch (IOException ex) {
					log("could not delete " + location + ": " + ex.getMessage());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return deleted;
				}
			}
		}
		return deleted;
	}

	private static void log(String line) {
		System.err.println("load: " + line);
	}
}
