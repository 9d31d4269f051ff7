package dev.hitter.prediction;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

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
}
