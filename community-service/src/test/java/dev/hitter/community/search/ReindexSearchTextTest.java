package dev.hitter.community.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hitter.community.CommunityApiTestBase;

/** The one-off rewrite of search_text that brings posts written before an analysis change up to date. */
class ReindexSearchTextTest extends CommunityApiTestBase {

	@Autowired
	private javax.sql.DataSource dataSource;

	@Test
	void flywayRunsItAtStartUp() {
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '2.1' and success = 1")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rewritesTheIndexedTextOfEveryPostWithTodaysAnalysis() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID post = write(UUID.randomUUID(), "민지", "BTS의 새 앨범 " + tag, "들어 보세요", "FREE_TALK");
		jdbc.sql("update posts set search_text = 'stale' where id = :id").param("id", post.toString()).update();

		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			new ReindexSearchText().migrate(new Context() {
				@Override
				public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
					return null;
				}

				@Override
				public java.sql.Connection getConnection() {
					return connection;
				}
			});
			connection.commit();
		}

		String indexed = jdbc.sql("select search_text from posts where id = :id")
			.param("id", post.toString())
			.query(String.class)
			.single();
		assertThat(indexed).contains("hxbt").contains("hx앨범").doesNotContain("stale");
	}
}
