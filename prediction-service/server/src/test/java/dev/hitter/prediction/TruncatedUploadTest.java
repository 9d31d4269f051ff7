package dev.hitter.prediction;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockMultipartFile;

/** A WAV cut short of the length its header states is refused as truncated, not scored as a whole track. */
class TruncatedUploadTest extends InputLimitsApiTestBase {

	@ParameterizedTest
	@ValueSource(doubles = { 0.6, 0.95 })
	void aCutWavIsRefusedAsTruncated(double keep) throws Exception {
		byte[] whole = TestTracks.wav(40, 16_000, 1);
		byte[] cut = Arrays.copyOf(whole, (int) (whole.length * keep));

		mvc.perform(multipart("/api/v1/predictions")
			.file(new MockMultipartFile("audio", "track.wav", "audio/wav", cut))
			.param("genre", "POP")
			.with(member(UUID.randomUUID())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/audio-rejected"))
			.andExpect(jsonPath("$.reason").value("audio/truncated"))
			.andExpect(jsonPath("$.errors[0].field").value("audio"));
	}
}
