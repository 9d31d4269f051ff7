package dev.hitter.prediction.upload;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.prediction.analysis.TrackForm;

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

	/** Lyrics come as text or as a file, never both: each field is named at fault then. */
	public void checkLyricsGivenOnce(List<FieldProblem> problems) {
		if (field("lyrics") != null && hasLyricsFile()) {
			problems.add(new FieldProblem("lyrics", "give the lyrics as text or as a file, not both"));
			problems.add(new FieldProblem("lyricsFile", "give the lyrics as text or as a file, not both"));
		}
	}

	/** The lyrics as text, read from the file when one came; null when neither came. */
	public String lyricsText() {
		return hasLyricsFile() ? TrackForm.readLyricsFile("lyricsFile", lyricsFileName, lyricsFile) : field("lyrics");
	}

	/** The field the lyrics came from, to name in a refusal. */
	public String lyricsField() {
		return hasLyricsFile() ? "lyricsFile" : "lyrics";
	}

	@Override
	public void close() {
		uploads.discard(audio);
	}
}
