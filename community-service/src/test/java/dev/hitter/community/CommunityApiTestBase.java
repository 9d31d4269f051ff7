package dev.hitter.community;

import static dev.hitter.community.TestMembers.member;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.hitter.localdb.TestDatabase;

/**
 * The one way a community API test starts the service: the shared real MySQL-protocol database (its own schema), the
 * prediction-service stand-in, and a circuit that reopens its door quickly so that an outage test need not wait
 * long. Every subclass shares the one context.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class CommunityApiTestBase {

	protected static final RecordedPredictionService PREDICTIONS = RecordedPredictionService.shared();

	protected static final String POSTS = "/api/v1/community/posts";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void communityTestContext(DynamicPropertyRegistry registry) {
		TestDatabase.registerDataSource(registry, "hitter_community_api");
		registry.add("hitter.community.prediction.url", PREDICTIONS::url);
		registry.add("hitter.community.prediction.wait-in-open-state", () -> "1s");
		// Views are flushed by the tests themselves, never behind their back.
		registry.add("hitter.community.views.flush-interval", () -> "1h");
	}

	/** Writes a post as the member and answers its id. */
	protected UUID write(UUID author, String name, String title, String body, String category) throws Exception {
		String answer = mvc.perform(post(POSTS).with(member(author, name))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("title", title, "body", body, "category", category)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(answer, "$.id"));
	}

	/** A JSON object of the given names and values (strings quoted and escaped; null, numbers and booleans as is). */
	protected static String json(Object... namesAndValues) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (i > 0) {
				json.append(',');
			}
			json.append('"').append(namesAndValues[i]).append("\":");
			Object value = namesAndValues[i + 1];
			if (value instanceof String text) {
				json.append('"').append(escape(text)).append('"');
			}
			else {
				json.append(value);
			}
		}
		return json.append('}').toString();
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}
}
