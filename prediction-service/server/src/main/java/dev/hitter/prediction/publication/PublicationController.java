package dev.hitter.prediction.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.hitter.kit.apidocs.TokenOptional;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.FieldProblem;
import dev.hitter.kit.security.Member;
import dev.hitter.prediction.PredictionApiDocs;
import dev.hitter.prediction.PredictionProblems;
import dev.hitter.prediction.analysis.TrackForm;
import dev.hitter.prediction.history.PredictionView;
import dev.hitter.prediction.upload.PredictionUpload;
import dev.hitter.prediction.upload.PredictionUploadReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Published audio and lyrics of shared analyses: the owner publishes and unpublishes; signed-in members listen
 * (with HTTP ranges, so a player seeks) and read.
 */
@RestController
@RequestMapping("/api/v1/predictions/{id}")
@Tag(name = "Publications", description = "Publish an analysed track's audio and lyrics; listen to published tracks")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid access token (or listening ticket)",
		content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "not-found: no such analysis, not yours, or nothing published",
		content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
				schema = @Schema(implementation = ProblemDetail.class)))
class PublicationController {

	/** The bytes copied to the client at a time while streaming. */
	private static final int COPY_BUFFER = 64 * 1024;

	private final Publications publications;

	private final PredictionUploadReader uploads;

	PublicationController(Publications publications, PredictionUploadReader uploads) {
		this.publications = publications;
		this.uploads = uploads;
	}

	/** The form, for the API documentation only (the body is read by {@link PredictionUploadReader}). */
	@Schema(name = "PublicationForm")
	record PublicationForm(@Schema(description = "The very file that was analysed, byte for byte",
			requiredMode = Schema.RequiredMode.REQUIRED) MultipartFile audio,
			@Schema(description = "The lyrics to publish too, as analysed (line endings and surrounding white space "
					+ "do not matter); leave out to publish none") String lyrics,
			@Schema(description = "The lyrics as a .txt or .lrc file instead of text") MultipartFile lyricsFile) {
	}

	/** Where a player plays the published audio from, and until when. */
	record AudioTicket(@Schema(description = "The audio's address with its ticket: put it in an <audio> element")
	String url, Instant expiresAt) {
	}

	/** Published lyrics. */
	record PublishedLyrics(String text) {
	}

	@Operation(summary = "Publish an analysis' audio and lyrics",
			description = "Shares the analysis and publishes the file that was analysed (and, if given, its lyrics) "
					+ "for signed-in members to listen to and read. The file must be the analysed one byte for byte "
					+ "(its SHA-256 is compared with the one recorded at analysis); a publication replaces the earlier "
					+ "one whole. Published audio counts against the member's quota. Owner only, with a verified e-mail address.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = PublicationForm.class))))
	@ApiResponse(responseCode = "200", description = "Published; the analysis as it is now")
	@ApiResponse(responseCode = "400", description = "validation-failed: audio missing, lyrics given twice; "
			+ "malformed-request: not a multipart form", content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "email-unverified: the member has not verified their e-mail "
			+ "address yet (nothing is read or stored)", content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "publication-quota-exceeded (quotaBytes, usedBytes); "
			+ "entry-removed: an administrator removed the entry", content = @Content(
					mediaType = PredictionApiDocs.PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "413", description = "payload-too-large: the file is over the upload limit",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "422", description = "publication-mismatch: not the analysed file or lyrics (errors "
			+ "names audio or lyrics; nothing stored); publication-unavailable: nothing to check against",
			content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PutMapping(value = "/publication", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	PredictionView publish(Member member, @PathVariable UUID id,
			@Parameter(hidden = true) HttpServletRequest request) {
		// Refused before the body is read: an unverified address, another member's analysis or a removed entry
		// costs no upload.
		member.requireVerifiedEmail();
		publications.checkPublishable(member, id);
		try (PredictionUpload form = uploads.read(request)) {
			List<FieldProblem> problems = new ArrayList<>();
			if (!form.hasAudio()) {
				problems.add(new FieldProblem("audio", "is required: the file that was analysed"));
			}
			form.checkLyricsGivenOnce(problems);
			if (!problems.isEmpty()) {
				throw TrackForm.invalid(problems);
			}
			return publications.publish(member, id, form.audio(), form.lyricsText(), form.lyricsField());
		}
	}

	@Operation(summary = "Unpublish an analysis' audio and lyrics",
			description = "Deletes the published audio and lyrics at once; the analysis stays shared. Unsharing or "
					+ "deleting the analysis does the same. Owner only.")
	@ApiResponse(responseCode = "204", description = "Nothing of it is published any more")
	@DeleteMapping("/publication")
	ResponseEntity<Void> unpublish(Member member, @PathVariable UUID id) {
		publications.unpublish(member, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Get a listening ticket",
			description = "An <audio> element cannot send the Authorization header: this answers the audio's address "
					+ "with a short-lived ticket for the caller and this analysis, to play directly. Ask again when it "
					+ "expires, or to learn whether the audio is still published.")
	@ApiResponse(responseCode = "200", description = "The address to play and when its ticket expires")
	@PostMapping("/audio-ticket")
	AudioTicket ticket(Member member, @PathVariable UUID id) {
		AudioTickets.Ticket ticket = publications.ticket(member, id);
		return new AudioTicket("/api/v1/predictions/" + id + "/audio?ticket=" + ticket.value(), ticket.expiresAt());
	}

	@Operation(summary = "Stream published audio",
			description = "The published file, with HTTP ranges: Range: bytes=first-last, first- or -suffix answers "
					+ "206 with Content-Range; several ranges, another unit, a malformed header or an If-Range that no "
					+ "longer matches the ETag answer the whole file (200). Authenticated by a bearer token or by a "
					+ "ticket from POST …/audio-ticket in the query.")
	@ApiResponse(responseCode = "200", description = "The whole file",
			content = @Content(mediaType = "audio/*", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "206", description = "The requested range",
			content = @Content(mediaType = "audio/*", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "416", description = "range-not-satisfiable: the range starts past the end "
			+ "(Content-Range: bytes */size)", content = @Content(mediaType = PredictionApiDocs.PROBLEM_JSON,
					schema = @Schema(implementation = ProblemDetail.class)))
	@TokenOptional
	@GetMapping("/audio")
	void audio(@PathVariable UUID id,
			@Parameter(description = "A listening ticket, instead of the Authorization header") @RequestParam(
					required = false) String ticket,
			@Parameter(hidden = true) @AuthenticationPrincipal Jwt token,
			@Parameter(hidden = true) HttpServletRequest request,
			@Parameter(hidden = true) HttpServletResponse response) throws IOException {
		Publications.PublishedAudio audio;
		if (token != null) {
			Member member = Member.from(token);
			audio = publications.audio(member.id(), member.isAdmin(), id);
		}
		else {
			AudioTickets.Holder holder = publications.holder(ticket, id);
			audio = publications.audio(holder.member(), holder.admin(), id);
		}
		ByteRange range = ByteRange.parse(request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE),
				audio.etag(), audio.size());
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.ETAG, audio.etag());
		// Unpublishing must end listening at once: no copy may outlive it in a cache.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + audio.size());
			throw new ApiException(PredictionProblems.RANGE_NOT_SATISFIABLE,
					"The file has " + audio.size() + " bytes; the range starts past its end.");
		}
		response.setContentType(audio.mediaType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
		response.setContentLengthLong(range.length());
		if (range.kind() == ByteRange.Kind.PART) {
			response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
			response.setHeader(HttpHeaders.CONTENT_RANGE,
					"bytes " + range.first() + "-" + range.last() + "/" + audio.size());
		}
		if ("HEAD".equals(request.getMethod())) {
			return;
		}
		try (InputStream in = publications.open(audio, range.first())) {
			OutputStream out = response.getOutputStream();
			byte[] buffer = new byte[COPY_BUFFER];
			long left = range.length();
			while (left > 0) {
				int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (n < 0) {
					// Unpublished while streaming: the answer ends short of its Content-Length, which the client
					// sees as a broken transfer rather than a silently shorter file.
					break;
				}
				out.write(buffer, 0, n);
				left -= n;
			}
		}
	}

	@Operation(summary = "Read published lyrics", description = "The lyrics the owner published with the audio.")
	@ApiResponse(responseCode = "200", description = "The lyrics text")
	@GetMapping("/lyrics")
	PublishedLyrics lyrics(Member member, @PathVariable UUID id) {
		return new PublishedLyrics(publications.lyrics(member, id));
	}
}
