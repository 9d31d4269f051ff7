package dev.hitter.prediction;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the input-limit tests share: one context on the real database with the fixture models, served on a real port
 * as well, for bodies only the servlet container parses. Every class extending it runs in the same context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PredictionTestContext(schema = "hitter_prediction_inputs", noUploadLeft = true)
@AutoConfigureMockMvc
@Import(PredictionTestContext.AnyUuidTokenDecoder.class)
public abstract class InputLimitsApiTestBase {

	protected static final Path UPLOADS = UploadsLeft.folderFor(InputLimitsApiTestBase.class);

	@Autowired
	protected MockMvc mvc;

	@LocalServerPort
	protected int port;

	/** A member's token for MockMvc, and the multipart body a client would send (see {@link MultipartBodies}). */
	protected static RequestPostProcessor member(UUID id) {
		RequestPostProcessor token = jwt().jwt(jwt -> jwt.subject(id.toString()).claim("email_verified", true).claim("roles", List.of("MEMBER")));
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}

	/** A member's token as plain HTTP expects it: over the real port, the token is the member's id. */
	protected static String bearer(UUID id) {
		return "Bearer " + id;
	}
}
