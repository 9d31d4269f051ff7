package dev.hitter.auth.session;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hitter.kit.security.Member;

/** Login, refresh and logout under {@code /api/v1/auth}. */
@RestController
@RequestMapping("/api/v1/auth")
class SessionController {

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/login")
	ResponseEntity<TokenPair> login(@Valid @RequestBody LoginRequest request) {
		return noStore(sessions.login(request));
	}

	@PostMapping("/refresh")
	ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshRequest request) {
		return noStore(sessions.refresh(request));
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(Member member, @Valid @RequestBody RefreshRequest request) {
		sessions.logout(member.id(), request);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<TokenPair> noStore(TokenPair tokens) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
	}
}
