package dev.hitter.prediction.analysis;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hitter.prediction.MultipartBodies;
import dev.hitter.prediction.PredictionTestContext;
import dev.hitter.prediction.TestTracks;

/**
 * Each member's share of the single analyses: one member holding their share cannot take the slots everybody
 * else needs, and is refused before a byte of the next upload is read (receiving, lyrics files, decoding).
 */
@SpringBootTest(properties = "hitter.prediction.max-concurrent-analyses-per-member=1")
@PredictionTestContext(schema = "hitter_prediction_analysis_share")
@AutoConfigureMockMvc
class AnalysisShareTest {

	static final String BASE = "/api/v1/predictions";

	@Autowired
	MockMvc mvc;

	@Autowired
	AnalysisGate gate;

	final UUID member = UUID.randomUUID();

	@Test
	void refusesAMembersAnalysisPastTheirShareBeforeReadingTheBody() throws Exception {
		try (AnalysisGate.MemberTurn running = gate.enterAs(member)) {
			// Not even a readable form: had the body been read first, this would be 400 malformed-request.
			mvc.perform(post(BASE).with(as(member))
				.contentType("multipart/form-data; boundary=hitter")
				.content("--hitter\r\nContent-Disposition: form-data; name=\"genre\"\r\n\r\nPOP\r\n--hit"))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://hitter.dev/problems/analysis-limit-reached"));
			// Another member's analysis is not held back by it.
			mvc.perform(track().with(as(UUID.randomUUID()))).andExpect(status().isCreated());
		}
		// Once the first analysis has answered, the member's next one is admitted.
		mvc.perform(track().with(as(member))).andExpect(status().isCreated());
	}

	private static org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder track() {
		var form = multipart(BASE);
		form.param("genre", "POP");
		form.file(new MockMultipartFile("audio", "track.wav", "audio/wav", TestTracks.wav(40, 16_000, 1)));
		return form;
	}

	private static RequestPostProcessor as(UUID id) {
		RequestPostProcessor token = jwt().jwt(jwt -> jwt.subject(id.toString()).claim("email_verified", true).claim("roles", List.of("MEMBER")));
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}
}
