package dev.hitter.prediction.publication;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hitter.prediction.chunks.ChunkStream;

/**
 * Published audio in the database, in chunks as batch staging keeps its audio: every replica reads it, a write is
 * as durable as the publication recorded in the same transaction, and a range read fetches only the chunks it needs,
 * one at a time.
 */
@Component
class DatabasePublishedAudioStore implements PublishedAudioStore {

	private final JdbcClient jdbc;

	DatabasePublishedAudioStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long write(UUID prediction, InputStream audio) throws IOException {
		delete(prediction);
		return ChunkStream.copy(audio, (chunk, bytes) -> jdbc
			.sql("INSERT INTO published_audio_chunk (prediction_id, chunk, bytes) VALUES (?, ?, ?)")
			.params(prediction.toString(), chunk, bytes)
			.update());
	}

	@Override
	public InputStream read(UUID prediction, long offset) {
		int first = (int) (offset / ChunkStream.CHUNK_BYTES);
		int skip = (int) (offset % ChunkStream.CHUNK_BYTES);
		return new ChunkStream(chunk -> jdbc
			.sql("SELECT bytes FROM published_audio_chunk WHERE prediction_id = ? AND chunk = ?")
			.params(prediction.toString(), chunk)
			.query(byte[].class)
			.optional(), first, skip);
	}

	@Override
	public void delete(UUID prediction) {
		jdbc.sql("DELETE FROM published_audio_chunk WHERE prediction_id = ?").param(prediction.toString()).update();
	}

	@Override
	public long storedBytes(UUID prediction) {
		return jdbc.sql("SELECT COALESCE(SUM(LENGTH(bytes)), 0) FROM published_audio_chunk WHERE prediction_id = ?")
			.param(prediction.toString())
			.query(Long.class)
			.single();
	}
}
