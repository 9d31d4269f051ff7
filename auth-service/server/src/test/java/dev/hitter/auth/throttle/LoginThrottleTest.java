package dev.hitter.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.hitter.auth.AuthApiTest;
import dev.hitter.auth.session.MovableClock;
import dev.hitter.kit.clientaddress.ClientAddress;

/**
 * Password guessing against the real service and database: failed sign-ins slow the next attempt per e-mail and per
 * client address, the same for a member's e-mail and an unknown one. Time moves by a clock the test controls.
 */
@Import(MovableClock.Configuration.class)
class LoginThrottleTest extends AuthApiTest {

	private static final String WRONG = "not-the-password-9";

	@Autowired
	MovableClock clock;

	@Test
	void failedSignInsForOneEmailWaitLongerAndLongerUpToTheCap() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		List<Step> curve = bruteForce(email, randomAddress(), 20);

		// Five free failures, then 1 s doubling per failure, never more than 15 minutes.
		long[] expectedWait = { 0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900, 900 };
		for (int i = 0; i < curve.size(); i++) {
			assertThat(curve.get(i).status()).as("attempt %d", i + 1).isEqualTo(401);
			assertThat(curve.get(i).waitSeconds()).as("wait after attempt %d", i + 1).isEqualTo(expectedWait[i]);
		}
		writeCurve(curve);
	}

	@Test
	void anUnknownEmailIsSlowedExactlyLikeAMembers() throws Exception {
		String member = uniqueEmail();
		signUp(member, STRONG_PASSWORD, "Min-ji", "artist");
		List<Step> known = bruteForce(member, randomAddress(), 12);
		List<Step> unknown = bruteForce(uniqueEmail(), randomAddress(), 12);
		assertThat(unknown).isEqualTo(known);
	}

	@Test
	void aThrottledAttemptIsRefusedEvenWithTheRightPasswordAndASuccessAfterTheWaitStartsAfresh() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		String address = randomAddress();
		for (int i = 0; i < 7; i++) {
			assertThat(login(email, WRONG, address).getStatus()).isEqualTo(401);
			clock.advance(Duration.ofMinutes(1));
		}
		clock.advance(Duration.ofMinutes(-1));
		// Seven failures: wait 2 s. The right password now is refused too, and tells nothing about itself.
		MockHttpServletResponse refused = login(email, STRONG_PASSWORD, address);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(read(refused.getContentAsString(), "$.type")).isEqualTo("https://hitter.dev/problems/login-throttled");
		assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
		assertThat(refused.getContentAsString()).doesNotContain("accessToken");

		clock.advance(Duration.ofSeconds(2));
		assertThat(login(email, STRONG_PASSWORD, address).getStatus()).isEqualTo(200);
		// The count started afresh: five free failures again, and the sixth starts the first wait.
		for (int i = 0; i < 6; i++) {
			assertThat(login(email, WRONG, address).getStatus()).as("failure %d", i + 1).isEqualTo(401);
		}
		assertThat(login(email, WRONG, address).getHeader("Retry-After")).isEqualTo("1");
	}

	@Test
	void oneAddressGuessingManyEmailsIsSlowedButOthersAreNot() throws Exception {
		String attacker = randomAddress();
		for (int i = 0; i < 20; i++) {
			assertThat(login(uniqueEmail(), WRONG, attacker).getStatus()).isEqualTo(401);
		}
		assertThat(login(uniqueEmail(), WRONG, attacker).getStatus()).isEqualTo(401);
		MockHttpServletResponse refused = login(uniqueEmail(), WRONG, attacker);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");

		String member = uniqueEmail();
		signUp(member, STRONG_PASSWORD, "Min-ji", "artist");
		assertThat(login(member, STRONG_PASSWORD, randomAddress()).getStatus()).isEqualTo(200);
	}

	@Test
	void theAccountIsSlowedFromEveryAddressAndTheWaitNeverPassesTheCap() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		for (int i = 0; i < 30; i++) {
			// Each guess from a fresh address: the account's own count still grows.
			MockHttpServletResponse answer = login(email, WRONG, randomAddress());
			if (answer.getStatus() == 429) {
				assertThat(Long.parseLong(answer.getHeader("Retry-After"))).isBetween(1L, 900L);
				clock.advance(Duration.ofSeconds(Long.parseLong(answer.getHeader("Retry-After"))));
			}
		}
		// However many failures, the owner waits at most the cap and then signs in.
		MockHttpServletResponse owner = login(email, STRONG_PASSWORD, randomAddress());
		if (owner.getStatus() == 429) {
			assertThat(Long.parseLong(owner.getHeader("Retry-After"))).isLessThanOrEqualTo(900L);
			clock.advance(Duration.ofSeconds(Long.parseLong(owner.getHeader("Retry-After"))));
			owner = login(email, STRONG_PASSWORD, randomAddress());
		}
		assertThat(owner.getStatus()).isEqualTo(200);
	}

	@Test
	void anAttackerElsewhereNeverMakesTheOwnerWaitAtAnAddressTheySignedInFrom() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		String home = randomAddress();
		assertThat(login(email, STRONG_PASSWORD, home).getStatus()).isEqualTo(200);

		// Guesses from everywhere else, as fast as they come: the account's wait starts and is re-armed.
		for (int i = 0; i < 30; i++) {
			login(email, WRONG, randomAddress());
		}
		assertThat(login(email, STRONG_PASSWORD, randomAddress()).getStatus()).as("from a new address").isEqualTo(429);
		assertThat(login(email, STRONG_PASSWORD, home).getStatus()).as("from home").isEqualTo(200);

		// Guesses at the owner's own address still count there.
		for (int i = 0; i < 6; i++) {
			assertThat(login(email, WRONG, home).getStatus()).isEqualTo(401);
		}
		assertThat(login(email, WRONG, home).getStatus()).isEqualTo(429);
	}

	@Test
	void aBurstOfParallelGuessesIsCountedLikeASequence() throws Exception {
		String email = uniqueEmail();
		signUp(email, STRONG_PASSWORD, "Min-ji", "artist");
		String address = randomAddress();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		// Argon2 under a burst takes seconds here: time must not let the first wait pass during the burst.
		clock.freeze();
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				Callable<Integer> guess = () -> login(email, WRONG, address).getStatus();
				answers.add(pool.submit(guess));
			}
			int checked = 0;
			for (Future<Integer> answer : answers) {
				if (answer.get() == 401) {
					checked++;
				}
				else {
					assertThat(answer.get()).isEqualTo(429);
				}
			}
			// Five free failures and one more that starts the first wait: never more passwords checked than that.
			assertThat(checked).isEqualTo(6);
		}
		finally {
			clock.unfreeze();
			pool.shutdownNow();
		}
	}

	@Test
	void failuresAreForgottenAfterAQuietPeriod() throws Exception {
		String email = uniqueEmail();
		String address = randomAddress();
		for (int i = 0; i < 6; i++) {
			login(email, WRONG, address);
		}
		assertThat(login(email, WRONG, address).getStatus()).isEqualTo(429);
		clock.advance(Duration.ofHours(6).plusSeconds(1));
		for (int i = 0; i < 5; i++) {
			assertThat(login(email, WRONG, address).getStatus()).isEqualTo(401);
		}
	}

	/**
	 * Wrong passwords one after the other, each as soon as allowed. An attempt answered 429 measures the wait the
	 * failure before it imposed (then the clock moves on by that much); one admitted at once means there was none.
	 */
	private List<Step> bruteForce(String email, String address, int failures) throws Exception {
		List<Step> steps = new ArrayList<>();
		// One failure more than asked for, so that the wait after the last one asked for is measured too.
		while (steps.size() <= failures) {
			MockHttpServletResponse answer = login(email, WRONG, address);
			if (answer.getStatus() == 429) {
				assertThat(read(answer.getContentAsString(), "$.type"))
					.isEqualTo("https://hitter.dev/problems/login-throttled");
				long wait = Long.parseLong(answer.getHeader("Retry-After"));
				Step failed = steps.remove(steps.size() - 1);
				assertThat(failed.waitSeconds()).as("one 429 per wait").isZero();
				steps.add(new Step(failed.status(), wait));
				clock.advance(Duration.ofSeconds(wait));
			}
			else {
				steps.add(new Step(answer.getStatus(), 0));
			}
		}
		return steps.subList(0, failures);
	}

	private MockHttpServletResponse login(String email, String password, String address) throws Exception {
		return mvc
			.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
				.header(ClientAddress.HEADER, address)
				.content(json(Map.of("email", email, "password", password))))
			.andReturn()
			.getResponse();
	}

	private static String randomAddress() {
		UUID id = UUID.randomUUID();
		return "10." + (id.hashCode() & 0xff) + "." + ((id.hashCode() >> 8) & 0xff) + "."
				+ ((id.hashCode() >> 16) & 0xff) + "-" + id.toString().substring(0, 8);
	}

	private static void writeCurve(List<Step> curve) throws IOException {
		StringBuilder table = new StringBuilder("| failed attempt | answer | wait before the next attempt |\n|---|---|---|\n");
		long elapsed = 0;
		for (int i = 0; i < curve.size(); i++) {
			table.append("| ").append(i + 1).append(" | ").append(curve.get(i).status()).append(" | ")
				.append(curve.get(i).waitSeconds() == 0 ? "none" : curve.get(i).waitSeconds() + " s (an earlier attempt: 429, `Retry-After: " + curve.get(i).waitSeconds() + "`)")
				.append(" |\n");
			elapsed += curve.get(i).waitSeconds();
		}
		table.append("\n").append(curve.size()).append(" guesses took ").append(elapsed).append(" s of waiting.\n");
		Path report = Path.of("target", "login-throttle", "curve.md");
		Files.createDirectories(report.getParent());
		Files.writeString(report, table.toString());
	}

	/** One failed attempt and the wait it imposed on the next. */
	record Step(int status, long waitSeconds) {
	}
}
