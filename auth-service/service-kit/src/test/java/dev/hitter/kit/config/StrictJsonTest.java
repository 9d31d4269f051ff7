package dev.hitter.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** The services read text as text: a number or a boolean in its place is refused, not turned into a string. */
class StrictJsonTest {

	record Comment(String body) {
	}

	private final JsonMapper json = strict();

	@Test
	void refusesNumbersAndBooleansWhereTextIsDue() {
		for (String wrong : new String[] { "{\"body\":42}", "{\"body\":4.2}", "{\"body\":true}" }) {
			assertThatThrownBy(() -> json.readValue(wrong, Comment.class)).as(wrong)
				.isInstanceOf(MismatchedInputException.class);
		}
	}

	@Test
	void stillReadsTextAndNull() {
		assertThat(json.readValue("{\"body\":\"42\"}", Comment.class).body()).isEqualTo("42");
		assertThat(json.readValue("{\"body\":null}", Comment.class).body()).isNull();
	}

	private static JsonMapper strict() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new ServiceWebAutoConfiguration().textIsNeverANumber().customize(builder);
		return builder.build();
	}
}
