package dev.hitter.prediction.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.models.Genre;
import dev.hitter.prediction.analysis.AnalysisProperties;
import dev.hitter.prediction.analysis.TrackForm;
import dev.hitter.prediction.job.webhook.WebhookAddressPolicy;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a batch submission: the tracks as {@code files} parts, a {@code genre} for all of them, or a {@code manifest}
 * naming each file with its own genre, labels and lyrics; lyrics files (.txt or .lrc) go with the audio file of the
 * same base name unless the manifest pairs them; an optional webhook. Every problem is found before anything is
 * stored, and named by its field.
 */
@Component
class JobSubmissionReader {

	static final int MAX_WEBHOOK_SECRET = 200;

	static final int MIN_WEBHOOK_SECRET = 16;

	/**
	 * The manifest's cap, as a form field or as a file: Tomcat's own cap on form fields (Boot's
	 * {@code server.tomcat.max-http-form-post-size}, 2 MB) for both, so the two forms take the same manifests.
	 * Lyrics past that go in .txt or .lrc files.
	 */
	static final DataSize MAX_MANIFEST = DataSize.ofMegabytes(2);

	/** Field problems one answer lists; the detail says how many there were in all. */
	static final int MAX_LISTED_PROBLEMS = 50;

	/** A file name is stored with its item ({@code file_name VARCHAR(255)}). */
	static final int MAX_FILE_NAME = 255;

	private final JobProperties jobs;

	private final AnalysisProperties analyses;

	private final WebhookAddressPolicy webhookPolicy;

	private final ObjectMapper json;

	JobSubmissionReader(JobProperties jobs, AnalysisProperties analyses, WebhookAddressPolicy webhookPolicy,
			ObjectMapper json) {
		this.jobs = jobs;
		this.analyses = analyses;
		this.webhookPolicy = webhookPolicy;
		this.json = json;
	}

	/** One line of a manifest. */
	record ManifestItem(String file, String genre, String title, String artist, String lyrics, String lyricsFile) {
	}

	JobSubmission read(MultipartHttpServletRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		List<MultipartFile> files = parts(request).stream().filter(f -> !TrackForm.absent(f)).toList();
		Map<String, MultipartFile> audio = new LinkedHashMap<>();
		Map<String, MultipartFile> lyricsFiles = new HashMap<>();
		for (int i = 0; i < files.size(); i++) {
			MultipartFile file = files.get(i);
			String name = file.getOriginalFilename();
			if (name == null || name.isBlank()) {
				problems.add(new FieldProblem("files[" + i + "]", "needs a file name"));
				continue;
			}
			if (name.codePointCount(0, name.length()) > MAX_FILE_NAME) {
				problems.add(new FieldProblem("files[" + i + "]",
						"has a file name longer than " + MAX_FILE_NAME + " characters"));
				continue;
			}
			Map<String, MultipartFile> kind = TrackForm.isLyricsFileName(name) ? lyricsFiles : audio;
			if (kind.putIfAbsent(name, file) != null) {
				problems.add(new FieldProblem("files[" + i + "]", "repeats the file name " + TrackForm.excerpt(name)));
			}
			if (kind == audio && file.getSize() > analyses.maxUploadSize().toBytes()) {
				throw ApiException.forField(ProblemType.PAYLOAD_TOO_LARGE, "files[" + i + "]",
						TrackForm.excerpt(name) + " is larger than " + analyses.maxUploadSize().toMegabytes() + " MB");
			}
		}
		String manifestText = manifestText(request);
		List<StagedTrack> tracks = manifestText == null ? byFileName(request, audio, lyricsFiles, problems)
				: byManifest(manifestText, audio, lyricsFiles, problems);
		if (tracks.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("files", "must hold at least one audio file"));
		}
		if (tracks.size() > jobs.maxItemsPerJob()) {
			problems.add(new FieldProblem("files", "holds " + tracks.size() + " tracks; a job takes at most "
					+ jobs.maxItemsPerJob() + " (split the catalogue into several jobs)"));
		}
		String webhookUrl = TrackForm.blankToNull(request.getParameter("webhookUrl"));
		String webhookSecret = TrackForm.blankToNull(request.getParameter("webhookSecret"));
		if (webhookSecret != null && webhookUrl == null) {
			problems.add(new FieldProblem("webhookSecret", "needs a webhookUrl"));
		}
		if (webhookSecret != null
				&& (webhookSecret.length() < MIN_WEBHOOK_SECRET || webhookSecret.length() > MAX_WEBHOOK_SECRET)) {
			problems.add(new FieldProblem("webhookSecret",
					"must be " + MIN_WEBHOOK_SECRET + " to " + MAX_WEBHOOK_SECRET + " characters"));
		}
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		if (webhookUrl != null) {
			webhookUrl = webhookPolicy.requireAllowed(webhookUrl).toString();
		}
		return new JobSubmission(tracks, webhookUrl, webhookSecret,
				fingerprint(request, files, manifestText, webhookUrl));
	}

	/** Without a manifest: every audio file is a track of the form's genre, titled by its file name. */
	private List<StagedTrack> byFileName(MultipartHttpServletRequest request, Map<String, MultipartFile> audio,
			Map<String, MultipartFile> lyricsFiles, List<FieldProblem> problems) {
		if (audio.isEmpty()) {
			return List.of();
		}
		Genre genre = TrackForm.genre("genre", request.getParameter("genre"), problems);
		Map<String, MultipartFile> unpaired = new HashMap<>(lyricsFiles);
		List<StagedTrack> tracks = new ArrayList<>();
		for (Map.Entry<String, MultipartFile> entry : audio.entrySet()) {
			String base = baseName(entry.getKey());
			MultipartFile lyrics = unpaired.remove(base + ".txt");
			if (lyrics == null) {
				lyrics = unpaired.remove(base + ".lrc");
			}
			String text = lyrics == null ? null : readLyrics(lyrics, problems);
			tracks.add(new StagedTrack(entry.getKey(), label(base), null, genre, text, entry.getValue()));
		}
		unpaired.keySet()
			.forEach(name -> problems.add(
					new FieldProblem("files", TrackForm.excerpt(name) + " matches no audio file by name")));
		return tracks;
	}

	private List<StagedTrack> byManifest(String manifestText, Map<String, MultipartFile> audio,
			Map<String, MultipartFile> lyricsFiles, List<FieldProblem> problems) {
		List<ManifestItem> items = readManifest(manifestText, problems);
		if (items == null) {
			return List.of();
		}
		Map<String, MultipartFile> unused = new LinkedHashMap<>(audio);
		Map<String, MultipartFile> unusedLyrics = new LinkedHashMap<>(lyricsFiles);
		List<StagedTrack> tracks = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			ManifestItem item = items.get(i);
			String at = "manifest[" + i + "].";
			if (item == null) {
				problems.add(new FieldProblem("manifest[" + i + "]", "must be an object"));
				continue;
			}
			MultipartFile file = item.file() == null ? null : audio.get(item.file());
			if (tooLongName(item.file())) {
				problems.add(new FieldProblem(at + "file", "is longer than " + MAX_FILE_NAME + " characters"));
			}
			else if (file == null) {
				problems.add(new FieldProblem(at + "file", item.file() == null ? "is required"
						: "names no uploaded audio file: " + TrackForm.excerpt(item.file())));
			}
			else if (unused.remove(item.file()) == null) {
				problems.add(new FieldProblem(at + "file", "names a file another line already names"));
			}
			Genre genre = TrackForm.genre(at + "genre", item.genre(), problems);
			TrackForm.checkLabel(at + "title", item.title(), problems);
			TrackForm.checkLabel(at + "artist", item.artist(), problems);
			String lyrics = item.lyrics();
			if (item.lyricsFile() != null) {
				MultipartFile lyricsFile = lyricsFiles.get(item.lyricsFile());
				if (tooLongName(item.lyricsFile())) {
					problems.add(new FieldProblem(at + "lyricsFile",
							"is longer than " + MAX_FILE_NAME + " characters"));
				}
				else if (lyrics != null) {
					problems.add(new FieldProblem(at + "lyricsFile", "give the lyrics as text or as a file, not both"));
				}
				else if (lyricsFile == null) {
					problems.add(new FieldProblem(at + "lyricsFile",
							"names no uploaded file: " + TrackForm.excerpt(item.lyricsFile())));
				}
				else {
					unusedLyrics.remove(item.lyricsFile());
					lyrics = readLyrics(lyricsFile, problems);
				}
			}
			String title = TrackForm.blankToNull(item.title());
			tracks.add(new StagedTrack(item.file(), title != null ? title : label(baseName(String.valueOf(item.file()))),
					TrackForm.blankToNull(item.artist()), genre, lyrics, file));
		}
		unused.keySet().forEach(name -> problems.add(notInTheManifest(name)));
		unusedLyrics.keySet().forEach(name -> problems.add(notInTheManifest(name)));
		return tracks;
	}

	/**
	 * The manifest's lines, read one at a time: reading stops at the job's item limit, so a manifest of thousands
	 * of lines builds no more than the limit (and the answer names only that). Null, with the problem added, when
	 * the manifest is not an array of objects or holds too many.
	 */
	private List<ManifestItem> readManifest(String manifestText, List<FieldProblem> problems) {
		List<ManifestItem> items = new ArrayList<>();
		// One line at a time: the rest of the array follows each line.
		ObjectReader line = json.readerFor(ManifestItem.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		try (JsonParser parser = json.createParser(manifestText)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				problems.add(notAManifest());
				return null;
			}
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				if (token == null) {
					problems.add(notAManifest());
					return null;
				}
				if (items.size() == jobs.maxItemsPerJob()) {
					problems.add(new FieldProblem("manifest", "holds more than " + jobs.maxItemsPerJob()
							+ " tracks; a job takes at most " + jobs.maxItemsPerJob()
							+ " (split the catalogue into several jobs)"));
					return null;
				}
				if (token == JsonToken.START_OBJECT) {
					items.add(line.readValue(parser));
				}
				else {
					// Not an object: a null line, named by its position below.
					parser.skipChildren();
					items.add(null);
				}
			}
			if (parser.nextToken() != null) {
				problems.add(notAManifest());
				return null;
			}
			return items;
		}
		catch (JacksonException ex) {
			problems.add(notAManifest());
			return null;
		}
	}

	private static FieldProblem notInTheManifest(String fileName) {
		return new FieldProblem("files", TrackForm.excerpt(fileName) + " is not in the manifest");
	}

	/** A manifest names files as the parts do, so the parts' limit holds (and nothing longer is echoed). */
	private static boolean tooLongName(String name) {
		return name != null && name.codePointCount(0, name.length()) > MAX_FILE_NAME;
	}

	private static FieldProblem notAManifest() {
		return new FieldProblem("manifest",
				"must be a JSON array of {file, genre, title, artist, lyrics, lyricsFile} objects");
	}

	/** The manifest as a form field or as an uploaded .json file, refused unread past {@link #MAX_MANIFEST}. */
	private static String manifestText(MultipartHttpServletRequest request) {
		String text = request.getParameter("manifest");
		if (text != null) {
			if (text.length() > MAX_MANIFEST.toBytes()
					|| text.getBytes(StandardCharsets.UTF_8).length > MAX_MANIFEST.toBytes()) {
				throw tooLargeManifest();
			}
			return text;
		}
		MultipartFile file = request.getFile("manifest");
		if (file == null) {
			return null;
		}
		if (file.getSize() > MAX_MANIFEST.toBytes()) {
			throw tooLargeManifest();
		}
		try {
			// Strictly, as lyrics files are read: replacing bad bytes would store labels the member never sent.
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "manifest", "must be UTF-8 text");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ApiException tooLargeManifest() {
		return ApiException.forField(ProblemType.PAYLOAD_TOO_LARGE, "manifest", "must be at most "
				+ MAX_MANIFEST.toMegabytes() + " MB (give long lyrics as .txt or .lrc files)");
	}

	/**
	 * The uploaded files; a body that is not the multipart form it claims to be is the client's fault (400), as on
	 * the single analysis's route. Parsing happens here, at the first look at the parts.
	 */
	private static List<MultipartFile> parts(MultipartHttpServletRequest request) {
		try {
			return request.getFiles("files");
		}
		catch (MaxUploadSizeExceededException ex) {
			throw ex;
		}
		catch (MultipartException ex) {
			throw new ApiException(ProblemType.MALFORMED_REQUEST,
					"The multipart body is malformed: it cannot be read as the form it claims to be.");
		}
	}

	/** One 400 naming the fields at fault: the first {@link #MAX_LISTED_PROBLEMS}, and how many there were. */
	private static ApiException invalid(List<FieldProblem> problems) {
		if (problems.size() <= MAX_LISTED_PROBLEMS) {
			return TrackForm.invalid(problems);
		}
		FieldProblem first = problems.get(0);
		return new ApiException(ProblemType.VALIDATION_FAILED, first.field() + " " + first.detail() + ". The first "
				+ MAX_LISTED_PROBLEMS + " of " + problems.size() + " problems are listed.",
				problems.subList(0, MAX_LISTED_PROBLEMS));
	}

	private static String readLyrics(MultipartFile file, List<FieldProblem> problems) {
		try {
			return TrackForm.readLyricsFile("files", file);
		}
		catch (ApiException ex) {
			problems.add(
					new FieldProblem("files", TrackForm.excerpt(file.getOriginalFilename()) + " " + ex.getMessage()));
			return null;
		}
	}

	private static String baseName(String fileName) {
		String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	private static String label(String text) {
		return text.length() > TrackForm.MAX_LABEL_LENGTH ? text.substring(0, TrackForm.MAX_LABEL_LENGTH) : text;
	}

	private static String fingerprint(MultipartHttpServletRequest request, List<MultipartFile> files,
			String manifest, String webhookUrl) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			List<String> parts = new ArrayList<>();
			parts.add(String.valueOf(request.getParameter("genre")).toUpperCase(Locale.ROOT));
			parts.add(String.valueOf(manifest));
			parts.add(String.valueOf(webhookUrl));
			for (MultipartFile file : files) {
				parts.add(file.getOriginalFilename() + ":" + file.getSize());
			}
			for (String part : parts) {
				sha.update(part.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
