package dev.hitter.auth.session;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What login and refresh answer.
 *
 * @param expiresIn seconds until the access token expires
 * @param refreshToken absent in the web app's cookie form ({@code X-Hitter-Session: cookie}): there it travels only
 *        in the HttpOnly cookie, out of reach of page scripts
 * @param refreshExpiresIn seconds until the refresh token expires
 */
public record TokenPair(@Schema(example = "eyJraWQiOiJrMSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl")
		String accessToken, @Schema(example = "Bearer") String tokenType, @Schema(example = "900") long expiresIn,
		@Schema(description = "Absent when the request carried X-Hitter-Session: cookie (then it is the "
				+ RefreshCookie.NAME + " cookie)") @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken,
		@Schema(example = "2592000") long refreshExpiresIn) implements SignInAnswer {

	TokenPair withoutRefreshToken() {
		return new TokenPair(accessToken, tokenType, expiresIn, null, refreshExpiresIn);
	}

	@Override
	public String toString() {
		return "TokenPair[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", refreshExpiresIn="
				+ refreshExpiresIn + "]";
	}
}
