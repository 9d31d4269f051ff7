package dev.hitter.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.hitter.models.Genre;
import dev.hitter.prediction.PredictionTestContext;
import dev.hitter.prediction.TestTracks;
import dev.hitter.prediction.UploadsLeft;
import dev.hitter.prediction.analysis.AnalysisObserver;

/**
 * Uploads through the real servlet container, where MockMvc cannot look: the body streamed from the socket into the
 * private upload folder, an upload over the limit refused with 413 problem+json as it arrives, and nothing left in
 * the folder when the request ends.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hitter.prediction.max-upload-size=2MB", "hitter.models.pool-size=1" })
@PredictionTestContext(schema = "hitter_prediction", noUploadLeft = true)
@Import(PredictionTestContext.AnyUuidTokenDecoder.class)
class UploadOverHttpTest {

	static final Path UPLOADS = UploadsLeft.folderFor(UploadOverHttpTest.class);

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	UploadFolderWatch watch;

	@Test
	void analysesAnUploadStreamedIntoTheUploadFolder() throws Exception {
		HttpResponse<String> response = post(TestTracks.wav(50, 16_000, 1));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(watch.seenDuringAnalysis).as("the upload's file, in the upload folder while analysed")
			.singleElement()
			.satisfies(name -> assertThat(name).startsWith("upload-"));
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).contains("/api/v1/predictions/"));
	}

	@Test
	void answersTheUploadLimitWithProblemJson() throws Exception {
		HttpResponse<String> response = post(TestTracks.wav(70, 16_000, 1));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("https://hitter.dev/problems/payload-too-large");
	}

	private HttpResponse<String> post(byte[] wav) throws IOException, InterruptedException {
		String boundary = "hitter-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "Content-Disposition: form-data; name=\"genre\"\r\n\r\n", "POP".getBytes());
		part(body, boundary, "Content-Disposition: form-data; name=\"lyrics\"\r\n\r\n",
				"Tonight we dance 사랑".getBytes(StandardCharsets.UTF_8));
		part(body, boundary,
				"Content-Disposition: form-data; name=\"audio\"; filename=\"track.wav\"\r\nContent-Type: audio/wav\r\n\r\n",
				wav);
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/predictions"))
			.header("Authorization", "Bearer " + UUID.randomUUID())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
		body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	/** Lists the upload folder while an analysis runs. */
	static final class UploadFolderWatch implements AnalysisObserver {

		volatile List<String> seenDuringAnalysis = List.of();

		@Override
		public void admitted(Genre genre) {
			seenDuringAnalysis = UploadsLeft.in(UPLOADS).stream().map(file -> file.getFileName().toString()).toList();
		}
	}

	@TestConfiguration
	static class WatchingTheUploadFolder {

		@Bean
		UploadFolderWatch uploadFolderWatch() {
			return new UploadFolderWatch();
		}
	}
}
