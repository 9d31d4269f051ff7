package dev.hitter.prediction.history;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.security.Member;
import dev.hitter.models.Genre;
import dev.hitter.prediction.Paging;
import dev.hitter.prediction.analysis.AnalysisGate;
import dev.hitter.prediction.analysis.TrackAnalysis;
import dev.hitter.prediction.analysis.TrackForm;
import dev.hitter.prediction.upload.PredictionUpload;
import dev.hitter.prediction.upload.PredictionUploadReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The prediction resource: analyse a track, then list, read, share, rename and delete the results; the genre
 * leaderboard of shared ones, likes, and reference tracks marked by administrators.
 */
@RestController
@RequestMapping(PredictionController.BASE)
class PredictionController {

	static final String BASE = "/api/v1/predictions";

	private final Predictions predictions;

	private final PredictionUploadReader uploads;

	private final AnalysisGate gate;

	PredictionController(Predictions predictions, PredictionUploadReader uploads, AnalysisGate gate) {
		this.predictions = predictions;
		this.uploads = uploads;
		this.gate = gate;
	}

	/** The form, for the API documentation only (the body is read by {@link PredictionUploadReader}). */
	@Schema(name = "PredictionForm")
	record PredictionForm(@Schema(description = "POP, BALLAD or DANCE", requiredMode = Schema.RequiredMode.REQUIRED)
	String genre,
			@Schema(description = "The track: WAV, MP3, FLAC, OGG or M4A", requiredMode = Schema.RequiredMode.REQUIRED)
			MultipartFile audio, @Schema(description = "The lyrics as text (or give lyricsFile)") String lyrics,
			@Schema(description = "The lyrics as a .txt or .lrc file (UTF-8)") MultipartFile lyricsFile,
			@Schema(maxLength = TrackForm.MAX_LABEL_LENGTH) String title,
			@Schema(maxLength = TrackForm.MAX_LABEL_LENGTH) String artist) {
	}

	@Operation(summary = "Analyse a track", description = "Answers 201 with the hit probability and its reasons.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = PredictionForm.class))))
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<PredictionView> analyse(Member member, @Parameter(hidden = true) HttpServletRequest request) {
		// The member's share is taken before a byte of the body is read: receiving, lyrics files and decoding are
		// the expensive part, and a member past their share should cost nothing.
		try (AnalysisGate.MemberTurn turn = gate.enterAs(member.id()); PredictionUpload form = uploads.read(request)) {
			List<FieldProblem> problems = new ArrayList<>();
			Genre chosen = TrackForm.genre("genre", form.field("genre"), problems);
			if (!form.hasAudio()) {
				problems.add(new FieldProblem("audio", "is required"));
			}
			String lyrics = form.field("lyrics");
			if (lyrics != null && form.hasLyricsFile()) {
				problems.add(new FieldProblem("lyrics", "give the lyrics as text or as a file, not both"));
				problems.add(new FieldProblem("lyricsFile", "give the lyrics as text or as a file, not both"));
			}
			String title = form.field("title");
			String artist = form.field("artist");
			TrackForm.checkLabel("title", title, problems);
			TrackForm.checkLabel("artist", artist, problems);
			if (!problems.isEmpty()) {
				throw TrackForm.invalid(problems);
			}
			String lyricsText = form.hasLyricsFile()
					? TrackForm.readLyricsFile("lyricsFile", form.lyricsFileName(), form.lyricsFile()) : lyrics;
			String lyricsField = form.hasLyricsFile() ? "lyricsFile" : "lyrics";
			PredictionView view = predictions.create(member, new Predictions.NewPrediction(
					new TrackAnalysis.Track(chosen, form.audio(), lyricsText, lyricsField),
					TrackForm.blankToNull(title), TrackForm.blankToNull(artist)));
			return ResponseEntity.created(URI.create(view.links().self())).body(view);
		}
	}

	@GetMapping
	PredictionPage mine(Member member, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "createdAt,desc") String sort) {
		List<FieldProblem> problems = new ArrayList<>();
		Paging.check(page, size, problems);
		Sort order = parseSort(sort, problems);
		if (!problems.isEmpty()) {
			throw TrackForm.invalid(problems);
		}
		return predictions.mine(member, page, size, order);
	}

	// A literal segment: Spring prefers it to the {id} pattern, and "leaderboard" is no UUID anyway.
	@GetMapping("/leaderboard")
	PredictionPage leaderboard(Member member, @RequestParam(required = false) String genre,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		List<FieldProblem> problems = new ArrayList<>();
		Genre chosen = TrackForm.genre("genre", genre, problems);
		Paging.check(page, size, problems);
		if (!problems.isEmpty()) {
			throw TrackForm.invalid(problems);
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
}
