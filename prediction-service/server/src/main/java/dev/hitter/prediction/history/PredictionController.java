package dev.hitter.prediction.history;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.problem.ProblemType;
import dev.hitter.kit.security.Member;
import dev.hitter.models.Genre;
import dev.hitter.prediction.analysis.AnalysisProperties;
import dev.hitter.prediction.analysis.TrackAnalysis;

/**
 * The prediction resource: analyse a track, then list, read, share, rename and delete the results; the genre
 * leaderboard of shared ones, likes, and reference tracks marked by administrators.
 */
@RestController
@RequestMapping(PredictionController.BASE)
class PredictionController {

	static final String BASE = "/api/v1/predictions";

	static final int MAX_PAGE_SIZE = 100;

	static final int MAX_LABEL_LENGTH = 200;

	/** Lyrics files past this are refused before decoding; the tokenizer's own limit is 20,000 characters. */
	static final DataSize MAX_LYRICS_FILE = DataSize.ofKilobytes(256);

	/** LRC time tags, e.g. {@code [01:23.45]}, and header tags such as {@code [ar:…]}: not lyrics. */
	private static final Pattern LRC_TAGS = Pattern.compile("(?m)^\\s*(\\[[^\\]]*\\]\\s*)+");

	private final Predictions predictions;

	private final AnalysisProperties properties;

	PredictionController(Predictions predictions, AnalysisProperties properties) {
		this.predictions = predictions;
		this.properties = properties;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PredictionView> analyse(Member member, @RequestParam(required = false) String genre,
			@RequestParam(required = false) MultipartFile audio, @RequestParam(required = false) String lyrics,
			@RequestParam(required = false) MultipartFile lyricsFile, @RequestParam(required = false) String title,
			@RequestParam(required = false) String artist) {
		List<FieldProblem> problems = new ArrayList<>();
		Genre chosen = parseGenre(genre, problems);
		// A browser sends an empty, nameless part for a file input left empty: that is no audio, not empty audio.
		if (audio == null || audio.isEmpty() && !StringUtils.hasText(audio.getOriginalFilename())) {
			problems.add(new FieldProblem("audio", "is required"));
		}
		if (lyrics != null && lyricsFile != null) {
			problems.add(new FieldProblem("lyrics", "give the lyrics as text or as a file, not both"));
			problems.add(new FieldProblem("lyricsFile", "give the lyrics as text or as a file, not both"));
		}
		checkLabel("title", title, problems);
		checkLabel("artist", artist, problems);
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		if (audio.getSize() > properties.maxUploadSize().toBytes()) {
			throw ApiException.forField(ProblemType.PAYLOAD_TOO_LARGE, "audio",
					"is larger than " + properties.maxUploadSize().toMegabytes() + " MB");
		}
		String lyricsText = lyricsFile != null ? readLyricsFile(lyricsFile) : lyrics;
		String lyricsField = lyricsFile != null ? "lyricsFile" : "lyrics";
		PredictionView view = predictions.create(member, new Predictions.NewPrediction(
				new TrackAnalysis.Track(chosen, audio, lyricsText, lyricsField), blankToNull(title),
				blankToNull(artist)));
		return ResponseEntity.created(URI.create(view.links().self())).body(view);
	}

	@GetMapping
	PredictionPage mine(Member member, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "createdAt,desc") String sort) {
		List<FieldProblem> problems = new ArrayList<>();
		checkPaging(page, size, problems);
		Sort order = parseSort(sort, problems);
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		return predictions.mine(member, page, size, order);
	}

	// A literal segment: Spring prefers it to the {id} pattern, and "leaderboard" is no UUID anyway.
	@GetMapping("/leaderboard")
	PredictionPage leaderboard(Member member, @RequestParam(required = false) String genre,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		List<FieldProblem> problems = new ArrayList<>();
		Genre chosen = parseGenre(genre, problems);
		checkPaging(page, size, problems);
		if (!problems.isEmpty()) {
			throw invalid(problems);
		}
		return predictions.leaderboard(member, chosen, page, size);
	}

	@PutMapping("/{id}/like")
	ResponseEntity<Void> like(Member member, @PathVariable UUID id) {
		predictions.like(member, id);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/like")
	ResponseEntity<Void> unlike(Member member, @PathVariable UUID id) {
		predictions.unlike(member, id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id}/reference")
	ResponseEntity<Void> markAsReference(Member member, @PathVariable UUID id) {
		predictions.markAsReference(member, id, true);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/reference")
	ResponseEntity<Void> unmarkAsReference(Member member, @PathVariable UUID id) {
		predictions.markAsReference(member, id, false);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}")
	PredictionView one(Member member, @PathVariable UUID id) {
		return predictions.find(member, id);
	}

	@GetMapping(value = "/{id}/spectrogram.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> spectrogram(Member member, @PathVariable UUID id) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(predictions.spectrogram(member, id));
	}

	@PatchMapping(value = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	PredictionView change(Member member, @PathVariable UUID id, @Valid @RequestBody PredictionChanges changes) {
		return predictions.change(member, id, changes);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(Member member, @PathVariable UUID id) {
		predictions.delete(member, id);
		return ResponseEntity.noContent().build();
	}

	private static Genre parseGenre(String genre, List<FieldProblem> problems) {
		if (genre == null || genre.isBlank()) {
			problems.add(new FieldProblem("genre", "is required (one of POP, BALLAD, DANCE)"));
			return null;
		}
		try {
			return Genre.valueOf(genre.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("genre", "must be one of POP, BALLAD, DANCE"));
			return null;
		}
	}

	private static void checkPaging(int page, int size, List<FieldProblem> problems) {
		if (page < 0) {
			problems.add(new FieldProblem("page", "must be 0 or more"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			problems.add(new FieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE));
		}
	}

	private static void checkLabel(String field, String value, List<FieldProblem> problems) {
		if (value != null && value.length() > MAX_LABEL_LENGTH) {
			problems.add(new FieldProblem(field, "must be at most " + MAX_LABEL_LENGTH + " characters"));
		}
	}

	private static Sort parseSort(String sort, List<FieldProblem> problems) {
		String[] parts = sort.split(",", -1);
		String property = parts[0].strip();
		String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "desc";
		if (parts.length > 2 || !List.of("createdAt", "hitProbability").contains(property)
				|| !List.of("asc", "desc").contains(direction)) {
			problems.add(new FieldProblem("sort", "must be createdAt or hitProbability, then ,asc or ,desc"));
			return Sort.unsorted();
		}
		return Sort.by(direction.equals("asc") ? Sort.Direction.ASC : Sort.Direction.DESC, property);
	}

	/** A .txt or .lrc file in UTF-8 (a byte-order mark is dropped); LRC tags are removed. */
	private static String readLyricsFile(MultipartFile file) {
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
		boolean lrc = name.endsWith(".lrc");
		if (!lrc && !name.endsWith(".txt")) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "lyricsFile", "must be a .txt or .lrc file");
		}
		if (file.getSize() > MAX_LYRICS_FILE.toBytes()) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "lyricsFile",
					"must be at most " + MAX_LYRICS_FILE.toKilobytes() + " KB");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ApiException.forField(ProblemType.VALIDATION_FAILED, "lyricsFile", "must be UTF-8 text");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return lrc ? LRC_TAGS.matcher(text).replaceAll("") : text;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static ApiException invalid(List<FieldProblem> problems) {
		FieldProblem first = problems.get(0);
		return new ApiException(ProblemType.VALIDATION_FAILED, first.field() + " " + first.detail() + ".", problems);
	}
}
