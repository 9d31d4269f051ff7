package dev.hitter.auth.session;

/**
 * What login and refresh answer.
 *
 * @param expiresIn seconds until the access token expires
 * @param refreshExpiresIn seconds until the refresh token expires
 */
public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken,
		long refreshExpiresIn) {
}
