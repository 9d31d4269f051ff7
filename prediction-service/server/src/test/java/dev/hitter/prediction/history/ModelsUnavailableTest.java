package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.hitter.localdb.TestDatabase;
import dev.hitter.prediction.UploadsLeft;
import dev.hitter.prediction.MultipartBodies;
import dev.hitter.prediction.TestTracks;

/** With no models loaded for a genre, an analysis is refused at once with 503 and Retry-After, and leaves no file. */
@SpringBootTest(properties = "hitter.prediction.retry-after=30s")
@AutoConfigureMockMvc
class ModelsUnavailableTest {

	static final Path FOLDER = Path.of("target/models-unavailable-" + UUID.randomUUID()).toAbsolutePath();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.registerDataSource(registry, "hitter_prediction");
		try {
			Files.createDirectories(FOLDER.resolve("models"));
			UploadsLeft.createPrivate(FOLDER.resolve("uploads"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		registry.add("hitter.models.root", () -> FOLDER.resolve("models").toString());
		registry.add("hitter.prediction.upload-folder", () -> FOLDER.resolve("uploads").toString());
	}

	@Test
	void refusesAnAnalysisWithRetryAfterWhileTheGenreHasNoModels() throws Exception {
		mvc.perform(multipart("/api/v1/predictions")
			.file(new MockMultipartFile("audio", "track.wav", "audio/wav", TestTracks.wav(40, 16_000, 1)))
			.param("genre", "BALLAD")
			.param("lyrics", "다시 함께")
			.with(MultipartBodies.encoded())
			.with(jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("email_verified", true).claim("roles", List.of("MEMBER")))))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/models-unavailable"))
			.andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString(FOLDER.toString()))));
		assertThat(UploadsLeft.in(FOLDER.resolve("uploads"))).isEmpty();
	}
}
