package dev.hitter.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.auth.twofactor.TwoFactorRequests;
import dev.hitter.kit.apidocs.ValidationAnswers;
import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.security.Member;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Login, refresh and logout under {@code /api/v1/auth}, in two forms: partner tools send and receive the refresh
 * token as JSON; the web app sends {@code X-Hitter-Session: cookie} and the refresh token travels only in the
 * HttpOnly {@link RefreshCookie}. Spring picks the handler by that header; the cookie form's handlers are documented
 * on the JSON form's operations, one operation per endpoint.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sessions", description = "Login, refresh and logout")
class SessionController {

	private static final String SESSION_HEADER_DOC = "`cookie`: the web app's form — the refresh token is the "
			+ "HttpOnly `" + RefreshCookie.NAME + "` cookie (Path=" + RefreshCookie.PATH
			+ ", SameSite=Strict, Secure over HTTPS) and never appears in JSON. Absent: the JSON form of partner "
			+ "tools; any cookie is then ignored.";

	private static final String COOKIE_DOC = "The refresh token, read only with `X-Hitter-Session: cookie`.";

	private static final String SET_COOKIE_DOC = "With `X-Hitter-Session: cookie` only: `" + RefreshCookie.NAME
			+ "=<token>; Path=" + RefreshCookie.PATH
			+ "; Max-Age=<refreshExpiresIn>; HttpOnly; SameSite=Strict` (plus `Secure` over HTTPS)";

	private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	@Operation(summary = "Sign in", description = "Answers an access token and a refresh token. With "
			+ "`X-Hitter-Session: cookie` the refresh token is set as a cookie instead of answered.",
			parameters = @Parameter(name = RefreshCookie.SESSION_HEADER, in = ParameterIn.HEADER,
					description = SESSION_HEADER_DOC, schema = @Schema(allowableValues = "cookie")))
	@ApiResponse(responseCode = "200",
			description = "Signed in (a `TokenPair`); or, for a member with two-factor sign-in on, "
					+ "`{twoFactorRequired: true, challenge, expiresIn}` — no tokens, no cookie: send the challenge "
					+ "and a code to `POST /api/v1/auth/login/two-factor`",
			headers = @Header(name = HttpHeaders.SET_COOKIE, description = SET_COOKIE_DOC),
			content = @Content(schema = @Schema(oneOf = { TokenPair.class, TwoFactorRequired.class })))
	@ValidationAnswers("validation-failed or malformed-request")
	@ApiResponse(responseCode = "401", description = "invalid-credentials", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "429",
			description = "login-throttled: too many failed sign-ins for this e-mail or from this address; "
					+ "`Retry-After` says in how many seconds to try again (docs/accounts.md)",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds"),
			content = @Content(mediaType = PROBLEM))
	@PostMapping("/login")
	ResponseEntity<SignInAnswer> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		return noStore(sessions.login(request, SignInContext.of(http)));
	}

	@Operation(hidden = true)
	@PostMapping(path = "/login", headers = RefreshCookie.COOKIE_FORM)
	ResponseEntity<? extends SignInAnswer> loginWithCookie(@Valid @RequestBody LoginRequest body,
			HttpServletRequest request) {
		SignInAnswer answer = sessions.login(body, SignInContext.of(request));
		return answer instanceof TokenPair tokens ? withCookie(tokens, request) : noStore(answer);
	}

	@Operation(summary = "Sign in: the two-factor step",
			description = "The challenge from `POST /login` and the authenticator app's current code (`code`) or "
					+ "one unused recovery code (`recoveryCode`). A challenge lives HITTER_TWO_FACTOR_CHALLENGE_TTL "
					+ "(5 min), is used once, and is spent after 5 wrong codes; a code's time step is accepted once. "
					+ "Wrong codes are throttled like wrong passwords. Answers like a sign-in, in both forms.",
			parameters = @Parameter(name = RefreshCookie.SESSION_HEADER, in = ParameterIn.HEADER,
					description = SESSION_HEADER_DOC, schema = @Schema(allowableValues = "cookie")))
	@ApiResponse(responseCode = "200", description = "Signed in",
			headers = @Header(name = HttpHeaders.SET_COOKIE, description = SET_COOKIE_DOC))
	@ValidationAnswers("validation-failed (a malformed challenge, code or recovery code, or both or neither of "
					+ "`code` and `recoveryCode`) or malformed-request")
	@ApiResponse(responseCode = "401",
			description = "invalid-two-factor-code (wrong or already used) or invalid-two-factor-challenge "
					+ "(unknown, expired, used, or spent by wrong codes: sign in again)",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "429", description = "login-throttled; `Retry-After` says in how many seconds",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds"),
			content = @Content(mediaType = PROBLEM))
	@PostMapping("/login/two-factor")
	ResponseEntity<TokenPair> loginTwoFactor(@Valid @RequestBody TwoFactorRequests.SignIn request,
			HttpServletRequest http) {
		return noStore(sessions.completeTwoFactor(request, SignInContext.of(http)));
	}

	@Operation(hidden = true)
	@PostMapping(path = "/login/two-factor", headers = RefreshCookie.COOKIE_FORM)
	ResponseEntity<TokenPair> loginTwoFactorWithCookie(@Valid @RequestBody TwoFactorRequests.SignIn body,
			HttpServletRequest request) {
		return withCookie(sessions.completeTwoFactor(body, SignInContext.of(request)), request);
	}

	@Operation(summary = "Renew the access token",
			description = "Rotates the refresh token: the presented one is spent and a new one answered. A spent "
					+ "token presented again ends the whole login — except the one rotated last, within "
					+ "HITTER_REFRESH_REUSE_GRACE of its rotation (two tabs racing). With `X-Hitter-Session: cookie` "
					+ "no body is needed: the token comes from the cookie and the new one is set as a cookie; a "
					+ "refused cookie is cleared.",
			parameters = {
					@Parameter(name = RefreshCookie.SESSION_HEADER, in = ParameterIn.HEADER,
							description = SESSION_HEADER_DOC, schema = @Schema(allowableValues = "cookie")),
					@Parameter(name = RefreshCookie.NAME, in = ParameterIn.COOKIE, description = COOKIE_DOC) },
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					description = "Required without `X-Hitter-Session: cookie`; with it, none (or `{}`)",
					content = @Content(schema = @Schema(implementation = RefreshRequest.class))))
	@ApiResponse(responseCode = "200", description = "Renewed",
			headers = @Header(name = HttpHeaders.SET_COOKIE, description = SET_COOKIE_DOC))
	@ValidationAnswers("validation-failed or malformed-request (JSON form)")
	@ApiResponse(responseCode = "401",
			description = "invalid-refresh-token: unknown, expired, revoked or reused; in the cookie form also a "
					+ "missing cookie, and the cookie is cleared (Max-Age=0)",
			content = @Content(mediaType = PROBLEM))
	@PostMapping("/refresh")
	ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshRequest request) {
		return noStore(sessions.refresh(request));
	}

	@Operation(hidden = true)
	@PostMapping(path = "/refresh", headers = RefreshCookie.COOKIE_FORM)
	ResponseEntity<TokenPair> refreshWithCookie(@CookieValue(name = RefreshCookie.NAME, required = false) String token,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			if (token == null || token.isBlank()) {
				throw Sessions.invalidRefreshToken();
			}
			return withCookie(sessions.refresh(new RefreshRequest(token)), request);
		}
		catch (ApiException refused) {
			// The problem answer is written by the service kit's handler; the header set here stays on the response.
			response.addHeader(HttpHeaders.SET_COOKIE, RefreshCookie.cleared(request));
			throw refused;
		}
	}

	@Operation(summary = "Sign out", description = "Ends the login the refresh token belongs to (all its tokens). "
			+ "With `X-Hitter-Session: cookie` the token comes from the cookie, which is cleared; a missing cookie "
			+ "still answers 204.",
			parameters = {
					@Parameter(name = RefreshCookie.SESSION_HEADER, in = ParameterIn.HEADER,
							description = SESSION_HEADER_DOC, schema = @Schema(allowableValues = "cookie")),
					@Parameter(name = RefreshCookie.NAME, in = ParameterIn.COOKIE, description = COOKIE_DOC) },
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
					description = "Required without `X-Hitter-Session: cookie`; with it, none",
					content = @Content(schema = @Schema(implementation = RefreshRequest.class))))
	@ApiResponse(responseCode = "204", description = "Signed out",
			headers = @Header(name = HttpHeaders.SET_COOKIE,
					description = "With `X-Hitter-Session: cookie` only: the cookie cleared (Max-Age=0)"))
	@ValidationAnswers("validation-failed or malformed-request (JSON form)")
	@PostMapping("/logout")
	ResponseEntity<Void> logout(Member member, @Valid @RequestBody RefreshRequest request) {
		sessions.logout(member.id(), request);
		return ResponseEntity.noContent().build();
	}

	@Operation(hidden = true)
	@PostMapping(path = "/logout", headers = RefreshCookie.COOKIE_FORM)
	ResponseEntity<Void> logoutWithCookie(Member member,
			@CookieValue(name = RefreshCookie.NAME, required = false) String token, HttpServletRequest request) {
		if (token != null && !token.isBlank()) {
			sessions.logout(member.id(), new RefreshRequest(token));
		}
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, RefreshCookie.cleared(request)).build();
	}

	private static <T> ResponseEntity<T> noStore(T answer) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
	}

	private static ResponseEntity<TokenPair> withCookie(TokenPair tokens, HttpServletRequest request) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.SET_COOKIE, RefreshCookie.carrying(tokens, request))
			.body(tokens.withoutRefreshToken());
	}
}
