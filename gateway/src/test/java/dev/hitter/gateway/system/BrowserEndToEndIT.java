package dev.hitter.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web app's browser tests (frontend/e2e, Playwright driving Debian's Chromium) against the whole system as a
 * person starts it, shared through {@link RunningSystem}: a real MP3 and a real WAV are made here, then
 * {@code npx playwright test} runs in the frontend module with the gateway's address and the files' paths in its
 * environment. Its output goes into the build log; a failing browser test fails this test with Playwright's exit
 * code. Screenshots land in frontend/target/screenshots, the HTML report in frontend/target/playwright-report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningSystem.Extension.class)
// First of the system tests: the journeys want a fresh, quiet system — not one whose community service
// SystemEndToEndIT kills and restarts (its test 11), nor one the hostile-input campaign has just loaded.
@Order(1)
class BrowserEndToEndIT {

	/** How long the whole browser suite may take before it is stopped; generous for a machine shared by builds. */
	private static final Duration LIMIT = Duration.ofMinutes(Long.getLong("hitter.e2e.browser-minutes", 20));

	private final RunningSystem system;

	BrowserEndToEndIT(RunningSystem system) {
		this.system = system;
	}

	@Test
	void theWebAppPassesItsBrowserTests() throws Exception {
		Path root = Path.of(System.getProperty("hitter.root", "..")).toAbsolutePath().normalize();
		Path frontend = root.resolve("frontend");
		// npx would fetch a missing package from the registry; the build's npm ci installs the pinned one.
		assertThat(frontend.resolve("node_modules/.bin/playwright"))
			.as("Playwright is installed in frontend/node_modules (the frontend module's npm ci installs it)")
			.isExecutable();

		Path media = Path.of(System.getProperty("hitter.e2e.media", "target/e2e-media")).toAbsolutePath();
		Files.createDirectories(media);
		// Synthesised here (chords over a beat), so the tests upload real audio that nobody holds rights to.
		Path mp3 = Mp3Maker.chordsAndBeat(media.resolve("chords-and-beat.mp3"), 60);
		Path wav = Files.write(media.resolve("chords.wav"), WavMaker.chords(30));

		ProcessBuilder playwright = new ProcessBuilder("npx", "--no", "--", "playwright", "test").directory(frontend.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = playwright.environment();
		env.put("HITTER_E2E_BASE_URL", system.gateway());
		// The local run's mail viewer: the specs verify members and read reset links through the real mail.
		env.put("HITTER_E2E_MAIL_URL", system.mailViewer());
		env.put("HITTER_E2E_MP3", mp3.toString());
		env.put("HITTER_E2E_WAV", wav.toString());
		env.put("HITTER_E2E_ADMIN_EMAIL", RunningSystem.ADMIN_EMAIL);
		env.put("HITTER_E2E_ADMIN_PASSWORD", RunningSystem.ADMIN_PASSWORD);
		// partner.spec's webhook receiver listens here: the one loopback target the system's webhooks may call.
		env.put("HITTER_E2E_WEBHOOK_PORT", String.valueOf(system.webhookReceiverPort()));
		env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

		long started = System.nanoTime();
		Process run = playwright.start();
		Thread relay = new Thread(() -> relay(run), "playwright-output");
		relay.start();
		boolean finished = run.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
		if (!finished) {
			run.descendants().forEach(ProcessHandle::destroyForcibly);
			run.destroyForcibly();
		}
		relay.join(TimeUnit.SECONDS.toMillis(10));
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		System.out.printf("[playwright] browser tests took %d s; report: frontend/target/playwright-report/index.html, "
				+ "screenshots: frontend/target/screenshots/%n", seconds);

		assertThat(finished).as("the browser tests finish within " + LIMIT).isTrue();
		assertThat(run.exitValue()).as("npx playwright test's exit code (the failures are in the output above and in "
				+ "frontend/target/playwright-report); the system's logs:\n" + system.tails()).isZero();
	}

	/** Playwright's list reporter, line by line into the build log as it runs. */
	private static void relay(Process run) {
		try (BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
			output.lines().forEach(line -> System.out.println("[playwright] " + line));
		}
		catch (java.io.IOException closed) {
			// the process was stopped; what it printed is already in the log
		}
	}
}
