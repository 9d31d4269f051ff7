package dev.hitter.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/** A batch submission the service cannot take is a 400 problem+json, never a 500. */
class JobSubmissionLimitsTest extends InputLimitsApiTestBase {

	static final String JOBS = "/api/v1/prediction-jobs";

	private final UUID member = UUID.randomUUID();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aMalformedMultipartBodyIsABadRequest() throws Exception {
		String[][] bodies = {
				// a part that never ends
				{ "multipart/form-data; boundary=b0", "--b0\r\nContent-Disposition: form-data; name=\"files\"; "
						+ "filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF" },
				// headers that never end
				{ "multipart/form-data; boundary=b1", "--b1\r\nContent-Disposition: form-data; name=\"genre\"" },
				// no boundary at all
				{ "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"genre\"\r\n\r\nPOP\r\n--x--\r\n" } };
		for (String[] body : bodies) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + JOBS))
				.header("Authorization", bearer(member))
				.header("Content-Type", body[0])
				.POST(HttpRequest.BodyPublishers.ofString(body[1], StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("https://hitter.dev/problems/malformed-request")
				.doesNotContain("Exception").doesNotContain(UPLOADS.toString());
		}
	}

	@Test
	void aFileNameOverTwoHundredFiftyFiveCharactersIsRefusedNamingTheFile() throws Exception {
		String name = "a".repeat(252) + ".wav";
		mvc.perform(multipart(JOBS).file(audio("fine.wav")).file(audio(name)).param("genre", "POP")
			.with(member(member)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/validation-failed"))
			.andExpect(jsonPath("$.errors[0].field").value("files[1]"));
	}

	static MockMultipartFile audio(String name) {
		return new MockMultipartFile("files", name, "audio/wav", TestTracks.wav(12, 16_000, 1));
	}
}
