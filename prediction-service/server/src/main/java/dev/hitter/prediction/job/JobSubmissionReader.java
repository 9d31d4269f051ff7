package dev.hitter.prediction.job;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import tools.jackson.databind.ObjectMapper;

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
		List<MultipartFile> files = request.getFiles("files").stream().filter(f -> !TrackForm.absent(f)).toList();
		Map<String, MultipartFile> audio = new LinkedHashMap<>();
		Map<String, MultipartFile> lyricsFiles = new HashMap<>();
		for (int i = 0; i < files.size(); i++) {
			MultipartFile file = files.get(i);
			String name = file.getOriginalFilename();
			if (name == null || name.isBlank()) {
				problems.add(new FieldProblem("files[" + i + "]", "needs a file name"));
				continue;
			}
			Map<String, MultipartFile> kind = TrackForm.isLyricsFileName(name) ? lyricsFiles : audio;
			if (kind.putIfAbsent(name, file) != null) {
				problems.add(new FieldProblem("files[" + i + "]", "repeats the file name " + name));
			}
			if (kind == audio && file.getSize() > analyses.maxUploadSize().toBytes()) {
				throw ApiException.forField(ProblemType.PAYLOAD_TOO_LARGE, "files[" + i + "]",
						name + " is larger than " + analyses.maxUploadSize().toMegabytes() + " MB");
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
			throw TrackForm.invalid(problems);
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
			.forEach(name -> problems.add(new FieldProblem("files", name + " matches no audio file by name")));
		return tracks;
	}

	private List<StagedTrack> byManifest(String manifestText, Map<String, MultipartFile> audio,
			Map<String, MultipartFile> lyricsFiles, List<FieldProblem> problems) {
		List<ManifestItem> items;
		try {
			items = List.of(json.readValue(manifestText, ManifestItem[].class));
		}
		catch (JacksonException ex) {
			problems.add(new FieldProblem("manifest", "must be a JSON array of {file, genre, title, artist, "
					+ "lyrics, lyricsFile} objects"));
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
			if (file == null) {
				problems.add(new FieldProblem(at + "file", item.file() == null ? "is required"
						: "names no uploaded audio file: " + item.file()));
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
				if (lyrics != null) {
					problems.add(new FieldProblem(at + "lyricsFile", "give the lyrics as text or as a file, not both"));
				}
				else if (lyricsFile == null) {
					problems.add(new FieldProblem(at + "lyricsFile", "names no uploaded file: " + item.lyricsFile()));
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
		unused.keySet().forEach(name -> problems.add(new FieldProblem("files", name + " is not in the manifest")));
		unusedLyrics.keySet()
			.forEach(name -> problems.add(new FieldProblem("files", name + " is not in the manifest")));
		return tracks;
	}

	/** The manifest as a form field or as an uploaded .json file. */
	private static String manifestText(MultipartHttpServletRequest request) {
		String text = request.getParameter("manifest");
		if (text != null) {
			return text;
		}
		MultipartFile file = request.getFile("manifest");
		if (file == null) {
			return null;
		}
		try {
			return new String(file.getBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readLyrics(MultipartFile file, List<FieldProblem> problems) {
		try {
			return TrackForm.readLyricsFile("files", file);
		}
		catch (ApiException ex) {
			problems.add(new FieldProblem("files", file.getOriginalFilename() + " " + ex.getMessage()));
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
