package dev.hitter.auth.export;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.session.CurrentSession;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** "Download my data". */
@RestController
@Tag(name = "Account")
class MemberDataExportController {

	private final MemberDataExport export;

	MemberDataExportController(MemberDataExport export) {
		this.export = export;
	}

	@Operation(summary = "Download my data",
			description = "A zip archive: README.txt, profile.json (this account, two-factor on/off, sessions), "
					+ "predictions.json (analyses with their results, likes, batch jobs) and community.json (posts, "
					+ "comments, likes). If prediction-service or community-service is down the answer is 503 before "
					+ "any byte of the archive.")
	@ApiResponse(responseCode = "200", description = "The archive",
			content = @Content(mediaType = "application/zip"))
	@ApiResponse(responseCode = "503", description = "dependency-unavailable: nothing was sent",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
	// No "produces": a 503 problem must be answerable whatever the Accept header asked for.
	@GetMapping("/api/v1/auth/me/export")
	void download(Member member, @AuthenticationPrincipal Jwt jwt,
			@Parameter(hidden = true) HttpServletResponse response) throws IOException {
		try (MemberDataExport.Archive archive = export.gather(member.id(), CurrentSession.of(jwt))) {
			response.setContentType("application/zip");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hitter-data-"
					+ LocalDate.now(ZoneOffset.UTC) + ".zip\"");
			archive.writeTo(response.getOutputStream());
		}
	}
}
