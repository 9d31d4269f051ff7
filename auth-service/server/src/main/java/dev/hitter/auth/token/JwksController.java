package dev.hitter.auth.token;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/auth/jwks}: the public keys that verify HITTER access tokens (RFC 7517). */
@RestController
@Tag(name = "Sessions")
class JwksController {

	private final SigningKeys signingKeys;

	JwksController(SigningKeys signingKeys) {
		this.signingKeys = signingKeys;
	}

	@Operation(summary = "Public keys of access tokens",
			description = "The JSON Web Key Set (RFC 7517) that verifies every HITTER access token, member's and partner "
					+ "client's alike (RS256, by `kid`). Cache it for up to 5 minutes; fetch it again for an unknown `kid`.")
	@GetMapping("/api/v1/auth/jwks")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(signingKeys.publicJwkSet().toJSONObject());
	}
}
