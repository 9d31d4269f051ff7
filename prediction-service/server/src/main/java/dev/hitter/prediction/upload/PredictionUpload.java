package dev.hitter.prediction.upload;

import java.nio.file.Path;
import java.util.Map;

import dev.hitter.prediction.analysis.UploadFolder;

/**
 * A single analysis's form as read from the request: its text fields, the lyrics file if one came, and the audio,
 * already in the private upload folder. Closing it deletes the audio, so a {@code try}-with-resources around the
 * request's handling keeps the promise that uploads live only as long as their request.
 *
 * @param audio the received audio file, or null when no (non-empty) audio part came
 * @param audioName the audio part's file name as sent
 * @param lyricsFileName the lyrics file's name, or null when none came
 */
public record PredictionUpload(Map<String, String> fields, Path audio, String audioName, String lyricsFileName,
		byte[] lyricsFile, UploadFolder uploads) implements AutoCloseable {

	public String field(String name) {
		return fields.get(name);
	}

	public boolean hasAudio() {
		return audio != null;
	}

	public boolean hasLyricsFile() {
		return lyricsFileName != null;
	}

	@Override
	public void close() {
		uploads.discard(audio);
	}
}
