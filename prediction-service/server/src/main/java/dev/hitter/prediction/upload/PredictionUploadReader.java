package dev.hitter.prediction.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.prediction.analysis.AnalysisProperties;
import dev.hitter.prediction.analysis.TrackForm;
import dev.hitter.prediction.analysis.UploadFolder;

/**
 * Reads the form of {@code POST /api/v1/predictions} straight from the request body: the audio part streams into
 * the private upload folder (refused past the size limit as it arrives), the other parts into memory within small
 * limits. The servlet container's own multipart parsing is never run for this request (multipart resolution is
 * lazy), so the audio is written once and the body is scanned once.
 */
@Component
public class PredictionUploadReader {

	/** The text fields the form has; other parts are skipped. */
	static final Set<String> TEXT_FIELDS = Set.of("genre", "lyrics", "title", "artist");

	/** Far beyond any lyrics (the tokenizer takes 20,000 characters) or label: a bound, not a rule. */
	static final int MAX_TEXT_FIELD_BYTES = 1024 * 1024;

	static final int MAX_PARTS = 32;

	private final UploadFolder uploads;

	private final AnalysisProperties properties;

	PredictionUploadReader(UploadFolder uploads, AnalysisProperties properties) {
		this.uploads = uploads;
		this.properties = properties;
	}

	public PredictionUpload read(HttpServletRequest request) {
		String boundary = MultipartReader.boundaryOf(request.getContentType());
		if (boundary == null) {
			throw new ApiException(ProblemType.MALFORMED_REQUEST,
					"The request must be multipart/form-data with a boundary.");
		}
		Map<String, String> fields = new HashMap<>();
		Path audio = null;
		String audioName = null;
		String lyricsFileName = null;
		byte[] lyricsFile = null;
		try {
			MultipartReader reader = new MultipartReader(request.getInputStream(), boundary);
			MultipartReader.Part part;
			int parts = 0;
			while ((part = reader.next()) != null) {
				if (++parts > MAX_PARTS) {
					throw new ApiException(ProblemType.MALFORMED_REQUEST,
							"The form has more than " + MAX_PARTS + " parts.");
				}
				switch (part.name()) {
					case "audio" -> {
						if (audio != null) {
							throw ApiException.forField(ProblemType.VALIDATION_FAILED, "audio", "is given twice");
						}
						Path received = receiveAudio(part.body());
						audioName = part.filename() == null ? "" : part.filename();
						if (isEmptyFileInput(received, audioName)) {
							uploads.discard(received);
						}
						else {
							audio = received;
						}
					}
					case "lyricsFile" -> {
						byte[] bytes = readAtMost(part.body(), TrackForm.MAX_LYRICS_FILE.toBytes());
						if (bytes == null) {
							throw TrackForm.tooLongLyricsFile("lyricsFile");
						}
						// A file input left empty: no file, as for the audio.
						if (bytes.length > 0 || part.filename() != null && !part.filename().isEmpty()) {
							lyricsFileName = part.filename() == null ? "" : part.filename();
							lyricsFile = bytes;
						}
					}
					default -> {
						if (TEXT_FIELDS.contains(part.name())) {
							byte[] bytes = readAtMost(part.body(), MAX_TEXT_FIELD_BYTES);
							if (bytes == null) {
								throw ApiException.forField(ProblemType.PAYLOAD_TOO_LARGE, part.name(),
										"is longer than " + MAX_TEXT_FIELD_BYTES / 1024 + " KB");
							}
							fields.putIfAbsent(part.name(), new String(bytes, StandardCharsets.UTF_8));
						}
					}
				}
			}
			return new PredictionUpload(Map.copyOf(fields), audio, audioName, lyricsFileName, lyricsFile, uploads);
		}
		catch (MalformedMultipartException ex) {
			uploads.discard(audio);
			throw new ApiException(ProblemType.MALFORMED_REQUEST, ex.getMessage());
		}
		catch (IOException ex) {
			uploads.discard(audio);
			throw new ApiException(ProblemType.MALFORMED_REQUEST, "The upload broke off before its end.");
		}
		catch (RuntimeException ex) {
			uploads.discard(audio);
			throw ex;
		}
	}

	private Path receiveAudio(InputStream body) throws IOException {
		try {
			return uploads.receive(body, properties.maxUploadSize().toBytes());
		}
		catch (UploadFolder.TooLargeException ex) {
			throw ApiException.forField(ProblemType.PAYLOAD_TOO_LARGE, "audio",
					"is larger than " + properties.maxUploadSize().toMegabytes() + " MB");
		}
	}

	/** What a browser sends for a file input left empty: a nameless, empty part. */
	private static boolean isEmptyFileInput(Path received, String name) throws IOException {
		return name.isEmpty() && java.nio.file.Files.size(received) == 0;
	}

	/** The body, or null when it is longer than {@code max}. */
	private static byte[] readAtMost(InputStream body, long max) throws IOException {
		byte[] bytes = body.readNBytes((int) max + 1);
		return bytes.length > max ? null : bytes;
	}
}
