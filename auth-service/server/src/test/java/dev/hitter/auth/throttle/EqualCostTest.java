package dev.hitter.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.session.MovableClock;
import dev.hitter.kit.clientaddress.ClientAddress;

/**
 * Whether an e-mail is registered must not show in how long a wrong sign-in takes: the real Argon2 encoder is
 * watched (not replaced) and must check exactly one Argon2 hash per admitted attempt, for a member's e-mail and an
 * unknown one alike, and none for a throttled one. Counting calls, not timing them: no wall-clock numbers.
 */
@Import(MovableClock.Configuration.class)
class EqualCostTest extends AuthApiTest {

	@MockitoSpyBean
	PasswordEncoder passwordEncoder;

	@Autowired
	MovableClock clock;

	@Test
	void aWrongPasswordAndAnUnknownEmailEachCostOneArgon2Check() throws Exception {
		String member = uniqueEmail();
		signUp(member, STRONG_PASSWORD, "Min-ji", "artist");

		for (String email : new String[] { member, uniqueEmail() }) {
			clearInvocations(passwordEncoder);
			assertThat(login(email, "not-the-password-1", "192.0.2.77").getStatus()).isEqualTo(401);
			ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
			verify(passwordEncoder, times(1)).matches(any(), hash.capture());
			assertThat(hash.getValue()).as(email).startsWith("{argon2}$argon2id$");
		}
	}

	@Test
	void aThrottledAttemptComputesNoHashAtAll() throws Exception {
		String email = uniqueEmail();
		// Time stands still: the wait after the sixth failure cannot pass while Argon2 runs on a busy machine.
		clock.freeze();
		try {
			for (int i = 0; i < 6; i++) {
				login(email, "not-the-password-1", "192.0.2.78");
			}
			clearInvocations(passwordEncoder);
			assertThat(login(email, "not-the-password-1", "192.0.2.78").getStatus()).isEqualTo(429);
			verify(passwordEncoder, never()).matches(any(), anyString());
		}
		finally {
			clock.unfreeze();
		}
	}

	private org.springframework.mock.web.MockHttpServletResponse login(String email, String password, String address)
			throws Exception {
		return mvc
			.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
				.header(ClientAddress.HEADER, address)
				.content(json(Map.of("email", email, "password", password))))
			.andReturn()
			.getResponse();
	}
}
