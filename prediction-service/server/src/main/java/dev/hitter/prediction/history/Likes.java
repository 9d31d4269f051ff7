package dev.hitter.prediction.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Members' likes of predictions, in plain SQL: a like is only a row, and the database's primary key (one per
 * member and prediction) keeps concurrent likes of one member to one row. Callers check visibility first.
 */
@Component
class Likes {

	/** How many members like a prediction, and whether the caller is one of them. */
	record Tally(long likes, boolean likedByMe) {

		static final Tally NONE = new Tally(0, false);
	}

	private final JdbcClient jdbc;

	Likes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Idempotent: a second like of the same member hits the primary key and changes nothing (MySQL and MariaDB).
	 * Answers whether this was a new like. A duplicate key fails only its own statement, never the transaction.
	 */
	boolean like(UUID prediction, UUID member) {
		try {
			jdbc.sql("""
					INSERT INTO prediction_like (prediction_id, member_id, created_at) VALUES (:prediction, :member, :at)""")
				.param("prediction", prediction.toString())
				.param("member", member.toString())
				.param("at", java.sql.Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
				.update();
			return true;
		}
		catch (DuplicateKeyException liked) {
			return false;
		}
	}

	void unlike(UUID prediction, UUID member) {
		jdbc.sql("DELETE FROM prediction_like WHERE prediction_id = :prediction AND member_id = :member")
			.param("prediction", prediction.toString())
			.param("member", member.toString())
			.update();
	}

	/** One query for a whole page; predictions nobody likes are missing from the map. */
	Map<UUID, Tally> tally(Collection<UUID> predictions, UUID member) {
		Map<UUID, Tally> tallies = new HashMap<>();
		if (predictions.isEmpty()) {
			return tallies;
		}
		jdbc.sql("""
				SELECT prediction_id, COUNT(*) AS likes, MAX(member_id = :member) AS mine FROM prediction_like
				WHERE prediction_id IN (:predictions) GROUP BY prediction_id""")
			.param("member", member.toString())
			.param("predictions", predictions.stream().map(UUID::toString).toList())
			.query(rs -> {
				tallies.put(UUID.fromString(rs.getString("prediction_id")),
						new Tally(rs.getLong("likes"), rs.getInt("mine") == 1));
			});
		return tallies;
	}

	Tally tally(UUID prediction, UUID member) {
		return tally(List.of(prediction), member).getOrDefault(prediction, Tally.NONE);
	}
}
