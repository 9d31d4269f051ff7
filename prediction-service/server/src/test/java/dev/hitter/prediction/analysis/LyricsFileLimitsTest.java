package dev.hitter.prediction.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.hitter.kit.problem.ApiException;
import dev.hitter.kit.problem.ProblemType;

/**
 * A lyrics file costs time in proportion to its size, up to a hard cap. The LRC tag regex rescanned every run of
 * line breaks from each of its lines (32,000 newlines took 8.3 s, a file at the 256 KB cap minutes); the generous
 * timeout here leaves room for a busy machine.
 */
class LyricsFileLimitsTest {

	private static final Duration GENEROUS = Duration.ofSeconds(10);

	private static final int CAP = (int) TrackForm.MAX_LYRICS_FILE.toBytes();

	/** The regex the scanner replaces, as the oracle for what is stripped. */
	private static final Pattern OLD_LRC_TAGS = Pattern.compile("(?m)^\\s*(\\[[^\\]]*\\]\\s*)+");

	@Test
	void anLrcFileOfLineBreaksAtTheCapIsReadInLinearTime() {
		for (String unit : new String[] { "\n", "\r\n", " \n", "\n[" }) {
			byte[] bytes = unit.repeat(CAP / unit.length()).getBytes(StandardCharsets.UTF_8);

			String text = assertTimeoutPreemptively(GENEROUS,
					() -> TrackForm.readLyricsFile("lyricsFile", "song.lrc", bytes), unit.replace("\n", "\\n"));

			assertThat(text.length()).isLessThanOrEqualTo(CAP);
		}
	}

	@Test
	void stripsTheSameTagsAsTheRegexDid() {
		Random random = new Random(9);
		String alphabet = "[]  \n\n\r\t:0a\u2028";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int n = random.nextInt(30); n > 0; n--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String lrc = text.toString();
			assertThat(TrackForm.stripLrcTags(lrc)).as("%s", lrc.replace("\n", "\\n").replace("\r", "\\r"))
				.isEqualTo(OLD_LRC_TAGS.matcher(lrc).replaceAll(""));
		}
		assertThat(TrackForm.stripLrcTags("[ar:BTS]\n[00:12.34][00:40.00] 사랑해\n  [01:02]love you\nno [tag] here"))
			.isEqualTo("사랑해\nlove you\nno [tag] here");
	}

	@Test
	void refusesAFileOverTheCapNamingTheField() {
		byte[] bytes = "\n".repeat(CAP + 1).getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> TrackForm.readLyricsFile("lyricsFile", "song.lrc", bytes))
			.isInstanceOfSatisfying(ApiException.class, ex -> {
				assertThat(ex.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
				assertThat(ex.fieldProblems()).singleElement()
					.satisfies(problem -> assertThat(problem.field()).isEqualTo("lyricsFile"));
			});
	}
}
