package dev.hitter.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;

import dev.hitter.localdb.TestDatabase;

/**
 * The whole system as a person starts it ({@code ./hitter run}), started once per failsafe JVM and shared by every
 * system test class: two copies would compete for the two cores and take minutes each. Ports are free ones, the
 * home folder is fresh, access tokens live a few seconds (the expiry test waits for one to run out). Classes get it
 * as a constructor parameter through {@link Extension}; it is stopped after the last class, with the stop checked as
 * a supervisor would see it.
 */
final class RunningSystem implements AutoCloseable {

	static final Duration ACCESS_TOKEN_TTL = Duration.ofSeconds(8);

	private static final Duration STOP_LIMIT = Duration.ofSeconds(90);

	/** The administrator auth-service creates at start-up (docs/identity.md), for the tests that moderate. */
	static final String ADMIN_EMAIL = "chief@hitter.test";

	/** Made for each run: no administrator password is ever written in the repository. */
	static final String ADMIN_PASSWORD = "Moderator-" + java.util.UUID.randomUUID();

	/** How long the system may take to become healthy; a machine shared by parallel builds may need more. */
	private static final Duration START_LIMIT = Duration.ofMinutes(Long.getLong("hitter.e2e.start-minutes", 4));

	private final Process process;

	private final Path runLog;

	private final Path home;

	private final String gateway;

	private final int gatewayPort;

	private final String mailViewer;

	private final int webhookReceiverPort;

	private final boolean embeddedDatabase;

	private TraceCollector traces;

	private RunningSystem(Process process, Path runLog, Path home, int gatewayPort, int mailViewerPort,
			int webhookReceiverPort, boolean embeddedDatabase) {
		this.embeddedDatabase = embeddedDatabase;
		this.process = process;
		this.runLog = runLog;
		this.home = home;
		this.gatewayPort = gatewayPort;
		this.gateway = "http://127.0.0.1:" + gatewayPort;
		this.mailViewer = "http://127.0.0.1:" + mailViewerPort;
		this.webhookReceiverPort = webhookReceiverPort;
	}

	/**
	 * The one loopback port job webhooks may call in this run ({@code HITTER_WEBHOOK_ALLOWED_TARGETS}): a browser
	 * test listens there to receive and verify a signed webhook; every other private address stays refused.
	 */
	int webhookReceiverPort() {
		return webhookReceiverPort;
	}

	/** The local run's mail viewer (deploy/local LocalMail), where every mail the system sent is read. */
	String mailViewer() {
		return mailViewer;
	}

	/** The mails of the run, for the tests that sign members up and verify them. */
	SystemMailbox mailbox() {
		return new SystemMailbox(mailViewer);
	}

	/** The gateway's base address, e.g. {@code http://127.0.0.1:41234}. */
	String gateway() {
		return gateway;
	}

	/** {@code HITTER_HOME} of the run: its database, logs and upload folder. */
	Path home() {
		return home;
	}

	/** Whether the run keeps its data in the embedded database under {@link #home()} (not in a Docker MySQL). */
	boolean embeddedDatabase() {
		return embeddedDatabase;
	}

	/** The launcher's own log: what it started (with pids), restarted and stopped. */
	Path runLog() {
		return runLog;
	}

	/** Whether {@code ./hitter run} itself is still running. */
	boolean launcherAlive() {
		return process.isAlive();
	}

	/** Where the prediction service keeps an upload while it is analysed ({@code $HITTER_HOME/uploads}). */
	Path uploads() {
		return home.resolve("uploads");
	}

	/** The checkout whose {@code ./hitter} the tests run. */
	static Path root() {
		return Path.of(System.getProperty("hitter.root", "..")).toAbsolutePath().normalize();
	}

	/** Where the runs keep their homes and logs. */
	static Path workDir() {
		return Path.of(System.getProperty("hitter.e2e.dir", "target/e2e")).toAbsolutePath();
	}

	static RunningSystem start() throws Exception {
		Path home = workDir().resolve("home-" + System.currentTimeMillis());
		Files.createDirectories(home);
		// Every span of the run to a collector of the test's, every trace sampled: TracingSystemIT reads them back.
		TraceCollector collector = TraceCollector.start(freePorts(1)[0]);
		try {
			RunningSystem system = start(home, workDir().resolve("hitter-run.log"), false, Map.of("HITTER_OTLP_ENDPOINT",
					collector.endpoint(), "HITTER_TRACE_SAMPLING", "1.0"));
			system.traces = collector;
			return system;
		}
		catch (Exception | AssertionError ex) {
			collector.close();
			throw ex;
		}
	}

	/** The spans the services exported, for the system started by {@link #start()} (null for the others). */
	TraceCollector traces() {
		return traces;
	}

	/**
	 * A system on {@code home} as it is (a restored one, say), logging the launcher to {@code runLog}, on the embedded
	 * database even where Docker is (with {@code embedded}), with {@code extra} settings; stop it with {@link #close()}.
	 */
	static RunningSystem start(Path home, Path runLog, boolean embedded, Map<String, String> extra) throws Exception {
		Path root = root();
		int[] ports = freePorts(8);

		ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("hitter").toString(), "run").directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(runLog.toFile());
		Map<String, String> env = builder.environment();
		env.put("HITTER_NO_BUILD", "1");
		env.put("HITTER_HOME", home.toString());
		env.put("HITTER_PORT", String.valueOf(ports[0]));
		env.put("HITTER_AUTH_PORT", String.valueOf(ports[1]));
		env.put("HITTER_COMMUNITY_PORT", String.valueOf(ports[2]));
		env.put("HITTER_PREDICTION_PORT", String.valueOf(ports[3]));
		env.put("HITTER_DB_PORT", String.valueOf(ports[4]));
		// Mail goes to the local run's own SMTP server, whose viewer the tests read; links point at this gateway, so
		// that a browser test that opens one stays on the origin it signed in on.
		env.remove("HITTER_MAIL_HOST");
		env.put("HITTER_LOCAL_SMTP_PORT", String.valueOf(ports[5]));
		env.put("HITTER_MAIL_VIEWER_PORT", String.valueOf(ports[6]));
		env.put("HITTER_PUBLIC_URL", "http://127.0.0.1:" + ports[0]);
		env.put("HITTER_ACCESS_TOKEN_TTL", ACCESS_TOKEN_TTL.toSeconds() + "s");
		env.put("HITTER_TOKEN_CLOCK_SKEW", "0s");
		env.put("HITTER_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC");
		// Every client of the system tests is 127.0.0.1: a per-address limit meant for one person would slow them all
		// once the hostile campaign has guessed a few passwords. The per-account limit stays as shipped.
		env.put("HITTER_LOGIN_THROTTLE_ADDRESS_FREE_FAILURES", "500");
		// The gateway's rate limits likewise (docs/reliability.md "Rate limits"): every person here shares 127.0.0.1
		// (the per-address bucket is for calls without a token), and the hostile campaign's attacker fires hundreds of
		// calls as one member as fast as it can — these tests check the services' answers, not the limiter. The
		// per-client limit stays as shipped, so that a partner tool's burst meets a real 429.
		env.keySet().removeIf(name -> name.startsWith("HITTER_RATE_LIMIT"));
		env.put("HITTER_RATE_LIMIT_ADDRESS_PER_SECOND", "1000");
		env.put("HITTER_RATE_LIMIT_ADDRESS_BURST", "10000");
		env.put("HITTER_RATE_LIMIT_MEMBER_PER_SECOND", "1000");
		env.put("HITTER_RATE_LIMIT_MEMBER_BURST", "10000");
		env.put("HITTER_ADMIN_EMAIL", ADMIN_EMAIL);
		env.put("HITTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
		// Job webhooks keep their production rule: no loopback, private or link-local targets (the hostile-input
		// campaign checks that rule), whatever the environment of the build says.
		env.remove("HITTER_WEBHOOK_ALLOW_PRIVATE");
		// …except the single receiver a browser test runs on this port (an operator's allow-list of exact targets).
		env.put("HITTER_WEBHOOK_ALLOWED_TARGETS", "127.0.0.1:" + ports[7]);
		env.remove("HITTER_UPLOAD_DIR");
		// The launcher generates each service's client secret and the signing-key encryption key into this run's home
		// (owner-only), as for a developer.
		env.keySet().removeIf(name -> name.startsWith("HITTER_SERVICE_SECRET"));
		env.remove("HITTER_SIGNING_KEY_ENCRYPTION_KEY");
		env.remove("HITTER_PARTNER_SECRET_PEPPER");
		env.putAll(extra);
		boolean onMySql = !embedded && DockerClientFactory.instance().isDockerAvailable();
		if (onMySql) {
			// Where Docker exists the system runs on a real MySQL; otherwise on ./hitter run's embedded default.
			TestDatabase database = TestDatabase.shared();
			env.put("HITTER_DB_URL", database.baseJdbcUrl());
			env.put("HITTER_DB_USER", database.username());
			env.put("HITTER_DB_PASSWORD", database.password());
		}
		else {
			env.remove("HITTER_DB_URL");
		}
		RunningSystem system = new RunningSystem(builder.start(), runLog, home, ports[0], ports[6], ports[7], !onMySql);
		try {
			system.awaitHealthy(START_LIMIT);
			return system;
		}
		catch (Exception | AssertionError ex) {
			system.stopOrKill();
			throw ex;
		}
	}

	private void awaitHealthy(Duration limit) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create(gateway + "/actuator/health"))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		Instant deadline = Instant.now().plus(limit);
		while (true) {
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// the gateway is not listening yet
			}
			if (!process.isAlive() || Instant.now().isAfter(deadline)) {
				throw new AssertionError("./hitter run did not become healthy:\n" + tails());
			}
			Thread.sleep(500);
		}
	}

	/** Stops the system with SIGTERM, as a supervisor would (Ctrl-C takes the same path in the script). */
	@Override
	public void close() throws Exception {
		List<ProcessHandle> tree = process.descendants().toList();
		try {
			process.destroy();
			boolean stopped = process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
			if (!stopped) {
				process.destroyForcibly();
			}
			assertThat(stopped).as("./hitter run stops within 90 s").isTrue();
			assertThat(Files.readString(runLog)).contains("stopped");
			// No service outlives the launcher: the gateway port is free again.
			try (ServerSocket again = new ServerSocket(gatewayPort)) {
				assertThat(again.isBound()).isTrue();
			}
		}
		finally {
			// Checked above; whatever failed, nothing of the run may stay behind on the machine.
			tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
			if (traces != null) {
				traces.close();
			}
		}
	}

	/**
	 * After a failed start: SIGTERM to the launcher, whose trap stops every service; then the launcher and every
	 * process under it are killed, so that no service outlives a failed test run.
	 */
	private void stopOrKill() throws InterruptedException {
		List<ProcessHandle> tree = process.descendants().toList();
		process.destroy();
		if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		// Services still starting may not have reached the launcher's trap: nothing of the run may stay behind.
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	/** The last lines of the launcher's log and of every service log, for a failure message. */
	String tails() {
		try {
			List<Path> logs = new ArrayList<>(List.of(runLog));
			Path serviceLogs = home.resolve("logs");
			if (Files.isDirectory(serviceLogs)) {
				try (Stream<Path> files = Files.list(serviceLogs)) {
					files.sorted().forEach(logs::add);
				}
			}
			StringBuilder text = new StringBuilder();
			for (Path log : logs) {
				List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
				text.append("== ").append(log).append('\n');
				lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(line -> text.append(line).append('\n'));
			}
			return text.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next port to try when the build gives a port block ({@code -Dhitter.e2e.port-base=8900}). */
	private static int nextPort = Integer.getInteger("hitter.e2e.port-base", 0);

	static synchronized int[] freePorts(int count) throws IOException {
		if (nextPort > 0) {
			// A machine shared by several builds gives each its own block of ports: take the next free ones in it.
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				while (true) {
					int candidate = nextPort++;
					try (ServerSocket probe = new ServerSocket(candidate)) {
						ports[i] = candidate;
						break;
					}
					catch (IOException taken) {
						// in use: the next one
					}
				}
			}
			return ports;
		}
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0));
			}
			return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
	}

	/**
	 * Gives a test class the one running system of this JVM, starting it for the first class that asks. It lives in
	 * the root context's store, so JUnit closes (stops) it after the last class.
	 */
	static final class Extension implements ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == RunningSystem.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return context.getRoot().getStore(NAMESPACE).computeIfAbsent(RunningSystem.class, key -> {
				try {
					return RunningSystem.start();
				}
				catch (RuntimeException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IllegalStateException("./hitter run did not start", ex);
				}
			}, RunningSystem.class);
		}
	}
}
