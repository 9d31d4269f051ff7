package dev.hitter.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hitter.localdb.TestDatabase;
import dev.hitter.prediction.model.ModelReadinessTest;

/**
 * What the input-limit tests share: one context on the real database with the fixture models, served on a real port
 * as well, for bodies only the servlet container parses. Every class extending it runs in the same context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(InputLimitsApiTestBase.AnyUuidTokenIsAMember.class)
public abstract class InputLimitsApiTestBase {

	protected static final Path UPLOADS = Path.of("target/input-limits-uploads-" + UUID.randomUUID())
		.toAbsolutePath();

	@Autowired
	protected MockMvc mvc;

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.registerDataSource(registry, "hitter_prediction_inputs");
		registry.add("hitter.models.root", () -> ModelReadinessTest.FIXTURE_MODEL_SETS.toString());
		registry.add("hitter.prediction.upload-folder", UPLOADS::toString);
	}

	@BeforeEach
	void modelsAreServed() throws Exception {
		ModelReadinessTest.awaitReadiness(mvc, 200);
	}

	@AfterEach
	void noUploadIsLeftBehind() {
		assertThat(UploadsLeft.in(UPLOADS)).isEmpty();
	}

	/** A member's token for MockMvc, and the multipart body a client would send (see {@link MultipartBodies}). */
	protected static RequestPostProcessor member(UUID id) {
		RequestPostProcessor token = jwt().jwt(jwt -> jwt.subject(id.toString()).claim("roles", List.of("MEMBER")));
		return request -> token.postProcessRequest(MultipartBodies.encoded().postProcessRequest(request));
	}

	/** A member's token as plain HTTP expects it: over the real port, the token is the member's id. */
	protected static String bearer(UUID id) {
		return "Bearer " + id;
	}

	/**
	 * Over the real port, any token that is a UUID is that member: the signature checks have tests of their own,
	 * and these tests are about bodies. MockMvc's {@code jwt()} bypasses this decoder.
	 */
	@TestConfiguration
	static class AnyUuidTokenIsAMember {

		@Bean
		JwtDecoder jwtDecoder() {
			return token -> Jwt.withTokenValue(token)
				.header("alg", "none")
				.subject(UUID.fromString(token).toString())
				.claim("roles", List.of("MEMBER"))
				.build();
		}
	}

	static {
		try {
			UploadsLeft.createPrivate(UPLOADS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
