package dev.hitter.auth.token;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/auth/jwks}: the public keys that verify HITTER access tokens (RFC 7517). */
@RestController
class JwksController {

	private final SigningKeys signingKeys;

	JwksController(SigningKeys signingKeys) {
		this.signingKeys = signingKeys;
	}

	@GetMapping("/api/v1/auth/jwks")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(signingKeys.publicJwkSet().toJSONObject());
	}
}
