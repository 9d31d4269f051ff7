package dev.hitter.auth.twofactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.twofactor.TwoFactorSettings.RecoveryCodes;
import dev.hitter.auth.twofactor.TwoFactorSettings.TwoFactorSetup;
import dev.hitter.auth.twofactor.TwoFactorSettings.TwoFactorStatus;
import dev.hitter.kit.apidocs.ConflictAnswer;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.clientaddress.ClientAddress;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in member's TOTP two-factor sign-in: status, set-up, enabling and disabling. */
@RestController
@RequestMapping("/api/v1/auth/me/two-factor")
@Tag(name = "Account")
class TwoFactorController {

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final TwoFactorSettings settings;

	TwoFactorController(TwoFactorSettings settings) {
		this.settings = settings;
	}

	@Operation(summary = "Is two-factor sign-in on?")
	@ApiResponse(responseCode = "200", description = "Whether it is on, since when, and the recovery codes left")
	@GetMapping
	TwoFactorStatus status(Member member) {
		return settings.status(member.id());
	}

	@Operation(summary = "Set up two-factor sign-in",
			description = "A new TOTP secret (RFC 6238: HMAC-SHA1, 30 s, 6 digits) and its `otpauth://` URI for an "
					+ "authenticator app; nothing changes at sign-in until it is enabled with a code. A second set-up "
					+ "replaces the first.")
	@ApiResponse(responseCode = "200", description = "The secret, not stored by any cache")
	@ConflictAnswer("two-factor-already-enabled")
	@PostMapping("/setup")
	ResponseEntity<TwoFactorSetup> setUp(Member member) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(settings.setUp(member.id()));
	}

	@Operation(summary = "Turn two-factor sign-in on",
			description = "With the app's current code for the secret from set-up (one step early or late is "
					+ "accepted). Answers ten single-use recovery codes — shown this once, stored only hashed.")
	@ApiResponse(responseCode = "200", description = "On; the recovery codes")
	@ValidationAnswers("validation-failed: `code` is malformed or wrong")
	@ConflictAnswer("two-factor-not-enabled: not set up first, or already on")
	@ApiResponse(responseCode = "429", description = "login-throttled: too many wrong codes; `Retry-After`",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds"),
			content = @Content(mediaType = PROBLEM))
	@PostMapping("/enable")
	ResponseEntity<RecoveryCodes> enable(Member member, @Valid @RequestBody TwoFactorRequests.Enable request,
			HttpServletRequest http) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new RecoveryCodes(settings.enable(member.id(), request, ClientAddress.of(http))));
	}

	@Operation(summary = "Turn two-factor sign-in off",
			description = "Needs the password and a current code (or an unused recovery code). The recovery codes "
					+ "are deleted.")
	@ApiResponse(responseCode = "204", description = "Off")
	@ValidationAnswers("validation-failed: `password`, `code` or `recoveryCode` wrong or malformed, or both or "
					+ "neither of `code` and `recoveryCode` given")
	@ConflictAnswer("two-factor-not-enabled")
	@ApiResponse(responseCode = "429", description = "login-throttled; `Retry-After`",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds"),
			content = @Content(mediaType = PROBLEM))
	@PostMapping("/disable")
	ResponseEntity<Void> disable(Member member, @Valid @RequestBody TwoFactorRequests.Disable request,
			HttpServletRequest http) {
		settings.disable(member.id(), request, ClientAddress.of(http));
		return ResponseEntity.noContent().build();
	}
}
