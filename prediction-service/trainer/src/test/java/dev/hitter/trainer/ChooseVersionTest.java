package dev.hitter.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelKind;
import dev.hitter.models.ModelSetLayout;

/** Which version ./hitter evaluate scores when none is named: the promoted one, else the newest. */
class ChooseVersionTest {

	@TempDir
	Path root;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void theNewestWithoutAPromotionPointer() throws IOException {
		ModelSetLayout layout = layout("v20261101-000000", "v20261201-000000");
		assertThat(choose(layout, null)).contains(layout.version(Genre.POP, "v20261201-000000"));
	}

	@Test
	void thePromotedVersionWhenThePointerNamesOne() throws IOException {
		ModelSetLayout layout = layout("v20261101-000000", "v20261201-000000");
		Files.writeString(layout.genre(Genre.POP).resolve("promoted.json"),
				"{\"current\":\"v20261101-000000\",\"previous\":null}");
		assertThat(choose(layout, null)).contains(layout.version(Genre.POP, "v20261101-000000"));
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("promoted version v20261101-000000");

		Files.writeString(layout.genre(Genre.POP).resolve("promoted.json"), "{\"current\":\"v20990101-000000\"}");
		assertThat(choose(layout, null)).contains(layout.version(Genre.POP, "v20261201-000000"));
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("names no complete version");
	}

	@Test
	void aNamedVersionMustBeComplete() throws IOException {
		ModelSetLayout layout = layout("v20261101-000000");
		assertThat(choose(layout, "v20261101-000000")).contains(layout.version(Genre.POP, "v20261101-000000"));
		assertThatThrownBy(() -> choose(layout, "v20261102-000000")).hasMessageContaining("not a complete");
	}

	private java.util.Optional<Path> choose(ModelSetLayout layout, String version) throws IOException {
		return EvaluateCommand.chooseVersion(layout, Genre.POP, version,
				new PrintStream(out, true, StandardCharsets.UTF_8));
	}

	private ModelSetLayout layout(String... versions) throws IOException {
		ModelSetLayout layout = new ModelSetLayout(root);
		for (String version : versions) {
			Path dir = layout.version(Genre.POP, version);
			for (ModelKind kind : ModelKind.values()) {
				Files.createDirectories(layout.model(dir, kind));
				Files.writeString(layout.model(dir, kind).resolve("saved_model.pb"), "x");
				Files.writeString(layout.card(dir, kind), "{}");
			}
			Files.writeString(layout.vocabulary(dir), "<pad>\n<unk>\n");
			Files.writeString(layout.combination(dir), "{}");
		}
		return layout;
	}
}
