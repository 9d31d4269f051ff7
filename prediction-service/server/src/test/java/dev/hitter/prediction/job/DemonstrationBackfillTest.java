package dev.hitter.prediction.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.hitter.localdb.TestDatabase;

/**
 * Migration V6 on the real database: job items scored before it learn from their prediction whether a
 * demonstration model scored them; an item without a result, or whose prediction is gone, stays unknown.
 */
class DemonstrationBackfillTest {

	static final String SCHEMA = "hitter_prediction_v6_backfill";

	static final String DEMO_EXPLANATION = "{\"model\":{\"audio\":{\"modelId\":\"pop-audio-v1\",\"version\":\"v1\","
			+ "\"demonstration\":true,\"notice\":\"demonstration model trained on synthetic data\"},"
			+ "\"lyrics\":{\"modelId\":\"pop-lyrics-v1\",\"demonstration\":true}}}";

	@Test
	void earlierResultsTakeTheFlagFromTheirPrediction() throws SQLException {
		TestDatabase database = TestDatabase.shared();
		String url = database.baseJdbcUrl() + "/" + SCHEMA + "?createDatabaseIfNotExist=true&useUnicode=true"
				+ "&characterEncoding=UTF-8&connectionTimeZone=UTC&allowPublicKeyRetrieval=true&useSSL=false";
		Flyway before = flyway(url, database, "5");
		before.clean();
		before.migrate();
		try (Connection db = DriverManager.getConnection(url, database.username(), database.password());
				Statement sql = db.createStatement()) {
			sql.execute(prediction("p-demo", DEMO_EXPLANATION));
			sql.execute(prediction("p-real", DEMO_EXPLANATION.replace("\"demonstration\":true",
					"\"demonstration\":false")));
			sql.execute("INSERT INTO prediction_job (id, member_id, request_hash, state, total_items, created_at,"
					+ " webhook_state) VALUES ('job', 'member', 'hash', 'COMPLETED', 4, NOW(6), 'NONE')");
			sql.execute(item("by-demo", 0, "'SUCCEEDED'", "'p-demo'"));
			sql.execute(item("by-real", 1, "'SUCCEEDED'", "'p-real'"));
			sql.execute(item("prediction-deleted", 2, "'SUCCEEDED'", "'p-gone'"));
			sql.execute(item("failed", 3, "'FAILED'", "NULL"));

			flyway(url, database, "latest").migrate();

			Map<String, Object> flags = new HashMap<>();
			try (ResultSet rows = sql.executeQuery("SELECT id, demonstration FROM prediction_job_item")) {
				while (rows.next()) {
					flags.put(rows.getString("id"), rows.getObject("demonstration", Boolean.class));
				}
			}
			assertThat(flags).containsEntry("by-demo", true)
				.containsEntry("by-real", false)
				.containsEntry("prediction-deleted", null)
				.containsEntry("failed", null);
		}
	}

	private static Flyway flyway(String url, TestDatabase database, String target) {
		return Flyway.configure()
			.dataSource(url, database.username(), database.password())
			.locations("classpath:db/migration")
			.cleanDisabled(false)
			.target(target)
			.load();
	}

	private static String prediction(String id, String explanation) {
		return "INSERT INTO prediction (id, member_id, genre, hit_probability, audio_probability, lyrics_probability,"
				+ " model_set_version, genre_earlier_count, genre_lower_count, explanation, created_at) VALUES ('" + id
				+ "', 'member', 'POP', 0.5, 0.5, 0.5, 'v1', 0, 0, '" + explanation + "', NOW(6))";
	}

	private static String item(String id, int position, String state, String predictionId) {
		return "INSERT INTO prediction_job_item (id, job_id, member_id, position, file_name, genre, audio_size, state,"
				+ " available_at, prediction_id) VALUES ('" + id + "', 'job', 'member', " + position + ", 'a.wav', 'POP',"
				+ " 1, " + state + ", NOW(6), " + predictionId + ")";
	}
}
