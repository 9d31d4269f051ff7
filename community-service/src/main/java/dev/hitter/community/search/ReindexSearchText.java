package dev.hitter.community.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Rewrites every post's {@code search_text} with today's {@link SearchText}: the index holds the analysers' output,
 * so a change of the analysis (here: a Latin word with a Korean particle glued to it, BTS의, became findable) reaches
 * posts written before it only by analysing them again. Run once by Flyway (Spring Boot hands it every JavaMigration bean), in pages by primary key so that a large
 * board never sits in memory. A later change of the analysis adds a migration like this one.
 */
@Component
class ReindexSearchText implements JavaMigration {

	private static final int PAGE = 500;

	private final SearchText analysis = new SearchText();

	@Override
	public String getDescription() {
		return "reindex search_text (Latin words with Korean particles)";
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2.1");
	}

	@Override
	public Integer getChecksum() {
		return 21;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		String after = "";
		while (true) {
			int seen = 0;
			try (PreparedStatement select = connection
				.prepareStatement("select id, title, body from posts where id > ? order by id limit " + PAGE);
					PreparedStatement update = connection.prepareStatement("update posts set search_text = ? where id = ?")) {
				select.setString(1, after);
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						after = rows.getString("id");
						update.setString(1, analysis.indexed(rows.getString("title"), rows.getString("body")));
						update.setString(2, after);
						update.addBatch();
						seen++;
					}
				}
				update.executeBatch();
			}
			if (seen < PAGE) {
				return;
			}
		}
	}
}
