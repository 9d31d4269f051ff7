package dev.hitter.localdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may use the embedded server: root (all privileges, for its owner only) and one user per service limited
 * to that service's schema. The server applies these at every start ({@link #grantStatements()}), so a data
 * folder made by an earlier version, when the server ran without grant tables, gets the same users.
 *
 * @param rootPassword root's generated password; root also logs in through the server's unix socket as the
 * operating-system user who owns the data (MariaDB's unix_socket authentication)
 * @param services one account per service
 */
public record DatabaseAccounts(String rootPassword, List<DatabaseAccount> services) {

	/** Accounts connect over TCP to 127.0.0.1 (the server runs with {@code --skip-name-resolve}). */
	static final String HOST = "127.0.0.1";

	public DatabaseAccounts {
		DatabaseAccount.requirePassword(rootPassword);
		services = List.copyOf(services);
	}

	/** Only root: the shared test database, where every service's tests create their schemas. */
	public static DatabaseAccounts rootOnly(String rootPassword) {
		return new DatabaseAccounts(rootPassword, List.of());
	}

	/**
	 * The SQL the server runs at start-up, one statement per line ({@code --init-file}); idempotent, so it runs
	 * on every start and also brings an old data folder up to date.
	 */
	List<String> grantStatements() {
		List<String> sql = new ArrayList<>();
		// mariadb-install-db leaves anonymous users (anyone may connect) and grants everyone the test schemas.
		sql.add("DELETE FROM mysql.global_priv WHERE User = ''");
		sql.add("DELETE FROM mysql.db WHERE User IN ('', 'PUBLIC') AND Db LIKE 'test%'");
		sql.add("FLUSH PRIVILEGES");
		// Root over TCP needs the password; over the socket also the owner's unix account.
		sql.add("CREATE USER IF NOT EXISTS 'root'@'" + HOST + "' IDENTIFIED BY '" + rootPassword + "'");
		sql.add("ALTER USER 'root'@'" + HOST + "' IDENTIFIED BY '" + rootPassword + "'");
		sql.add("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + HOST + "' WITH GRANT OPTION");
		sql.add("ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('"
				+ rootPassword + "')");
		for (DatabaseAccount account : services) {
			String user = "'" + account.user() + "'@'" + HOST + "'";
			sql.add("CREATE DATABASE IF NOT EXISTS `" + account.schema()
					+ "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			sql.add("CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + account.password() + "'");
			sql.add("ALTER USER " + user + " IDENTIFIED BY '" + account.password() + "'");
			// In a GRANT, _ is a wildcard: escaped, hitter_auth means that schema and not also hitterXauth.
			sql.add("GRANT ALL PRIVILEGES ON `" + account.schema().replace("_", "\\_") + "`.* TO " + user);
		}
		return sql;
	}

	@Override
	public String toString() {
		return "DatabaseAccounts[root, " + services + "]";
	}
}
