package dev.hitter.localdb;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One service's database user: it may use its own schema and nothing else. Flyway runs as this user, so it
 * holds every privilege on that schema (create, alter and drop its tables) but no global one and no grant
 * option.
 *
 * @param service the service it belongs to ({@code auth}, {@code community}, {@code prediction}); names its
 * password file
 * @param user the database user name, e.g. {@code hitter_auth}
 * @param schema the only schema the user may touch
 * @param password the generated password
 */
public record DatabaseAccount(String service, String user, String schema, String password) {

	// Names go into SQL statements: only plain identifiers, never anything to quote or escape.
	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

	// The generated passwords' alphabet (URL-safe Base64) needs no quoting either.
	private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,128}");

	public DatabaseAccount {
		requireName("service", service);
		requireName("user", user);
		requireName("schema", schema);
		requirePassword(password);
	}

	static void requireName(String what, String value) {
		if (value == null || !NAME.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"A database " + what + " name must be lower-case letters, digits and _ (at most 32), not '" + value
							+ "'");
		}
	}

	static void requirePassword(String password) {
		if (password == null || !PASSWORD.matcher(password).matches()) {
			throw new IllegalArgumentException("A database password must be 16-128 characters of A-Z a-z 0-9 _ -");
		}
	}

	@Override
	public String toString() {
		// Never a password in a log line.
		return "DatabaseAccount[" + service + ": " + user + " on " + schema + "]";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DatabaseAccount that && service.equals(that.service) && user.equals(that.user)
				&& schema.equals(that.schema) && password.equals(that.password);
	}

	@Override
	public int hashCode() {
		return Objects.hash(service, user, schema, password);
	}
}
