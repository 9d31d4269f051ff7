package dev.hitter.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * A batch manifest is read as a stream: reading stops at the job's item limit, the answer lists a bounded number of
 * problems and says how many there were, and a manifest part past its size cap is refused unread. A 6 KB manifest
 * once answered 4,001 field problems, and a 60 MB one would have filled the heap.
 */
class ManifestStreamingTest extends InputLimitsApiTestBase {

	static final String JOBS = "/api/v1/prediction-jobs";

	private final UUID member = UUID.randomUUID();

	@Test
	void aManifestOfThousandsOfItemsStopsAtTheItemLimit() throws Exception {
		String manifest = "[" + "{},".repeat(4_000) + "{}]";

		mvc.perform(multipart(JOBS).file(JobSubmissionLimitsTest.audio("a.wav")).param("manifest", manifest)
			.with(member(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("manifest"))
			.andExpect(jsonPath("$.errors[0].detail").value(containsString("at most 500")));
	}

	@Test
	void aManifestWithHundredsOfFaultsListsTheFirstFiftyAndSaysHowManyThereWere() throws Exception {
		// 400 lines without file or genre: two problems each, and one for the audio file no line names.
		String manifest = "[" + "{},".repeat(399) + "{}]";

		mvc.perform(multipart(JOBS).file(JobSubmissionLimitsTest.audio("a.wav")).param("manifest", manifest)
			.with(member(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(50)))
			.andExpect(jsonPath("$.errors[0].field").value("manifest[0].file"))
			.andExpect(jsonPath("$.detail").value(containsString("first 50 of 801 problems")));
	}

	@Test
	void aManifestFileOverTheCapIsRefusedNamingIt() throws Exception {
		byte[] huge = ("[" + " ".repeat(3 * 1024 * 1024) + "]").getBytes(StandardCharsets.UTF_8);

		mvc.perform(multipart(JOBS).file(JobSubmissionLimitsTest.audio("a.wav"))
			.file(new MockMultipartFile("manifest", "manifest.json", "application/json", huge))
			.with(member(member)))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/payload-too-large"))
			.andExpect(jsonPath("$.errors[0].field").value("manifest"));
	}

	@Test
	void aManifestThatIsNotAnArrayOfObjectsNamesTheLine() throws Exception {
		mvc.perform(multipart(JOBS).file(JobSubmissionLimitsTest.audio("a.wav"))
			.param("manifest", "[{\"file\": \"a.wav\", \"genre\": \"POP\"}, 7]")
			.with(member(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("manifest[1]"));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "file", "lyricsFile" })
	void aManifestFileNamePastTheLimitIsRefusedNamingTheFieldWithoutEchoingIt(String field) throws Exception {
		// A 300 KB name once came back twice in a 600 KB problem answer.
		String name = "f".repeat(300_000);
		String manifest = field.equals("file") ? "[{\"file\": \"" + name + "\", \"genre\": \"POP\"}]"
				: "[{\"file\": \"a.wav\", \"genre\": \"POP\", \"lyricsFile\": \"" + name + ".txt\"}]";

		mvc.perform(multipart(JOBS).file(JobSubmissionLimitsTest.audio("a.wav")).param("manifest", manifest)
			.with(member(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("manifest[0]." + field))
			.andExpect(jsonPath("$.errors[0].detail").value(containsString("255 characters")))
			.andExpect(bodyAtMost(2_000));
	}

	@Test
	void manifestLabelsPastTheLimitAreRefusedWithoutEchoingThem() throws Exception {
		String label = "t".repeat(300_000);
		String manifest = "[{\"file\": \"a.wav\", \"genre\": \"POP\", \"title\": \"" + label
				+ "\", \"artist\": \"" + label + "\"}]";

		mvc.perform(multipart(JOBS).file(JobSubmissionLimitsTest.audio("a.wav")).param("manifest", manifest)
			.with(member(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("manifest[0].title"))
			.andExpect(jsonPath("$.errors[1].field").value("manifest[0].artist"))
			.andExpect(bodyAtMost(2_000));
	}

	@Test
	void aNameThatMatchesNoFileIsEchoedOnlyAsAShortExcerpt() throws Exception {
		// Within the 255-character limit, but still more than a problem detail should carry back.
		String name = "n".repeat(200) + "-tail.wav";

		mvc.perform(multipart(JOBS).file(JobSubmissionLimitsTest.audio("a.wav"))
			.param("manifest", "[{\"file\": \"" + name + "\", \"genre\": \"POP\"}]")
			.with(member(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("manifest[0].file"))
			.andExpect(jsonPath("$.errors[0].detail").value(containsString("n".repeat(90) + "\u2026")))
			.andExpect(jsonPath("$.errors[0].detail").value(not(containsString("-tail.wav"))))
			.andExpect(jsonPath("$.detail").value(not(containsString("-tail.wav"))));
	}

	@Test
	void aManifestFileOfInvalidUtf8IsRefusedNamingTheManifest() throws Exception {
		// Lyrics files in invalid UTF-8 are refused; a manifest file was read with the bytes silently replaced.
		byte[] manifest = "[{\"file\": \"a.wav\", \"genre\": \"POP\", \"title\": \"??\"}]"
			.getBytes(StandardCharsets.UTF_8);
		int at = new String(manifest, StandardCharsets.UTF_8).indexOf("??");
		manifest[at] = (byte) 0xFF;
		manifest[at + 1] = (byte) 0xFE;

		mvc.perform(multipart(JOBS).file(JobSubmissionLimitsTest.audio("a.wav"))
			.file(new MockMultipartFile("manifest", "manifest.json", "application/json", manifest))
			.with(member(member)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("manifest"))
			.andExpect(jsonPath("$.errors[0].detail").value(containsString("must be UTF-8")));
	}

	private static ResultMatcher bodyAtMost(int bytes) {
		return result -> assertThat(result.getResponse().getContentAsByteArray()).hasSizeLessThanOrEqualTo(bytes);
	}
}
