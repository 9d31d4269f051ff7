package dev.hitter.prediction.publication;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hitter.prediction.history.PredictionView;
import dev.hitter.prediction.history.PublishedTracks;

/**
 * The record of each publication (its file's size, type and digest, the lyrics text) beside the audio in the
 * {@link PublishedAudioStore}; withdrawing one deletes both. Callers hold the transactions.
 */
@Component
class PublicationRecords implements PublishedTracks {

	/** A publication as stored. */
	record Stored(UUID prediction, UUID member, long audioBytes, String mediaType, String audioSha256,
			boolean lyrics, Instant publishedAt) {
	}

	private final JdbcClient jdbc;

	private final PublishedAudioStore audio;

	PublicationRecords(JdbcClient jdbc, PublishedAudioStore audio) {
		this.jdbc = jdbc;
		this.audio = audio;
	}

	@Override
	public Map<UUID, PredictionView.Publication> describe(Collection<UUID> predictions) {
		Map<UUID, PredictionView.Publication> found = new HashMap<>();
		if (predictions.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT prediction_id, member_id, audio_bytes, media_type, audio_sha256, lyrics IS NOT NULL AS lyrics,
				    published_at
				FROM prediction_publication WHERE prediction_id IN (:ids)""")
			.param("ids", predictions.stream().map(UUID::toString).toList())
			.query(rs -> {
				Stored stored = stored(rs);
				found.put(stored.prediction(), new PredictionView.Publication(true, stored.lyrics(),
						stored.publishedAt(), stored.audioBytes(), stored.mediaType()));
			});
		return found;
	}

	@Override
	public void withdraw(UUID prediction) {
		jdbc.sql("DELETE FROM prediction_publication WHERE prediction_id = ?").param(prediction.toString()).update();
		audio.delete(prediction);
	}

	Optional<Stored> find(UUID prediction) {
		return jdbc.sql("""
				SELECT prediction_id, member_id, audio_bytes, media_type, audio_sha256, lyrics IS NOT NULL AS lyrics,
				    published_at
				FROM prediction_publication WHERE prediction_id = ?""")
			.param(prediction.toString())
			.query((rs, row) -> stored(rs))
			.optional();
	}

	Optional<String> lyrics(UUID prediction) {
		return jdbc.sql("SELECT lyrics FROM prediction_publication WHERE prediction_id = ? AND lyrics IS NOT NULL")
			.param(prediction.toString())
			.query(String.class)
			.optional();
	}

	/**
	 * Takes the member's publishing turn until the transaction ends (a row lock), so that two publications at once
	 * cannot each fit under a quota that only one of them fits under.
	 */
	void lockQuota(UUID member) {
		jdbc.sql("INSERT INTO publication_quota_lock (member_id) VALUES (?) ON DUPLICATE KEY UPDATE member_id = member_id")
			.param(member.toString())
			.update();
		jdbc.sql("SELECT member_id FROM publication_quota_lock WHERE member_id = ? FOR UPDATE")
			.param(member.toString())
			.query(String.class)
			.single();
	}

	/** The member's published audio in bytes, but for the one analysis that is being published again. */
	long usedBytes(UUID member, UUID except) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(audio_bytes), 0) FROM prediction_publication
				WHERE member_id = ? AND prediction_id <> ?""")
			.params(member.toString(), except.toString())
			.query(Long.class)
			.single();
	}

	void save(UUID prediction, UUID member, long audioBytes, String mediaType, String audioSha256, String lyrics,
			Instant at) {
		jdbc.sql("""
				INSERT INTO prediction_publication
				    (prediction_id, member_id, audio_bytes, media_type, audio_sha256, lyrics, published_at)
				VALUES (:prediction, :member, :bytes, :type, :sha, :lyrics, :at)
				ON DUPLICATE KEY UPDATE audio_bytes = :bytes, media_type = :type, audio_sha256 = :sha, lyrics = :lyrics""")
			// Named values rather than VALUES(column), which MySQL 8 deprecates and the alias form MariaDB lacks.
			.param("prediction", prediction.toString())
			.param("member", member.toString())
			.param("bytes", audioBytes)
			.param("type", mediaType)
			.param("sha", audioSha256)
			.param("lyrics", lyrics)
			.param("at", Timestamp.from(at))
			.update();
	}

	private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Stored(UUID.fromString(rs.getString("prediction_id")), UUID.fromString(rs.getString("member_id")),
				rs.getLong("audio_bytes"), rs.getString("media_type"), rs.getString("audio_sha256"),
				rs.getBoolean("lyrics"), rs.getTimestamp("published_at").toInstant());
	}
}
