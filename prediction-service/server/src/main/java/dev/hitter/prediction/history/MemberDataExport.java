package dev.hitter.prediction.history;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Everything prediction-service holds of a member, as one JSON document for their "download my data" archive: every
 * analysis with its full result (scores, the explanation with its top segments and words, the models that answered),
 * its sharing and publication state, the member's likes and batch jobs. Never the audio or the spectrogram pictures
 * (the audio was never kept unless published; the pictures are derived from it). Written as it is read, a batch of
 * analyses at a time, so a member with thousands of analyses never sits whole in memory.
 */
@Service
public class MemberDataExport {

	private static final int BATCH = 200;

	private final PredictionRepository predictions;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final TransactionTemplate readOnly;

	MemberDataExport(PredictionRepository predictions, JdbcClient jdbc, ObjectMapper json,
			TransactionTemplate transaction) {
		this.predictions = predictions;
		this.jdbc = jdbc;
		this.json = json;
		this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	public void write(UUID member, OutputStream out) {
		try (JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeStringProperty("service", "prediction-service");
			generator.writeStringProperty("memberId", member.toString());
			generator.writeStringProperty("exportedAt", Instant.now().toString());
			generator.writeArrayPropertyStart("analyses");
			Prediction last = null;
			while (true) {
				Prediction after = last;
				List<Prediction> batch = readOnly.execute(status -> after == null
						? predictions.newestOf(member, Limit.of(BATCH))
						: predictions.newestOfAfter(member, after.createdAt(), after.id(), Limit.of(BATCH)));
				for (Prediction p : batch) {
					writeAnalysis(generator, p);
				}
				if (batch.size() < BATCH) {
					break;
				}
				last = batch.get(batch.size() - 1);
			}
			generator.writeEndArray();
			generator.writeArrayPropertyStart("likes");
			jdbc.sql("SELECT prediction_id, created_at FROM prediction_like WHERE member_id = ? ORDER BY created_at")
				.param(member.toString())
				.query(rs -> {
					generator.writeStartObject();
					generator.writeStringProperty("predictionId", rs.getString("prediction_id"));
					generator.writeStringProperty("likedAt", rs.getTimestamp("created_at").toInstant().toString());
					generator.writeEndObject();
				});
			generator.writeEndArray();
			generator.writeArrayPropertyStart("jobs");
			jdbc.sql("""
					SELECT id, state, total_items, created_at, webhook_url FROM prediction_job WHERE member_id = ?
					ORDER BY created_at""")
				.param(member.toString())
				.query(rs -> {
					generator.writeStartObject();
					generator.writeStringProperty("id", rs.getString("id"));
					generator.writeStringProperty("state", rs.getString("state"));
					generator.writeNumberProperty("items", rs.getInt("total_items"));
					generator.writeStringProperty("createdAt", rs.getTimestamp("created_at").toInstant().toString());
					generator.writeStringProperty("webhookUrl", rs.getString("webhook_url"));
					generator.writeEndObject();
				});
			generator.writeEndArray();
			generator.writeEndObject();
		}
	}

	private static void writeAnalysis(JsonGenerator generator, Prediction p) {
		generator.writeStartObject();
		generator.writeStringProperty("id", p.id().toString());
		generator.writeStringProperty("title", p.title());
		generator.writeStringProperty("artist", p.artist());
		generator.writeStringProperty("genre", p.genre().name());
		generator.writeStringProperty("createdAt", p.createdAt().toString());
		generator.writeNumberProperty("hitProbability", p.hitProbability());
		generator.writeNumberProperty("audioProbability", p.audioProbability());
		generator.writeNumberProperty("lyricsProbability", p.lyricsProbability());
		generator.writeBooleanProperty("shared", p.shared());
		generator.writeStringProperty("moderation", p.moderation() == null ? null : p.moderation().name());
		generator.writeName("explanation");
		// Stored by this service as JSON (the whole explanation the result page shows).
		generator.writeRawValue(p.explanation());
		generator.writeEndObject();
	}
}
