package dev.hitter.features.lyrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

	private static final List<List<String>> SONGS = List.of(List.of("사랑", "love", "너", "사랑"),
			List.of("love", "babi", "사랑"), List.of("너", "나", "love"), List.of("once"));

	@TempDir
	Path dir;

	@Test
	void reservesPadAndUnknownAsTheFirstIds() {
		Vocabulary vocabulary = Vocabulary.build(SONGS, 1, 100);
		assertThat(vocabulary.token(Vocabulary.PAD_ID)).isEqualTo("<pad>");
		assertThat(vocabulary.token(Vocabulary.UNKNOWN_ID)).isEqualTo("<unk>");
		assertThat(vocabulary.id("<pad>")).isZero();
		assertThat(vocabulary.id("<unk>")).isEqualTo(1);
	}

	@Test
	void ordersByCountThenByToken() {
		Vocabulary vocabulary = Vocabulary.build(SONGS, 1, 100);
		assertThat(tokens(vocabulary)).containsExactly("<pad>", "<unk>", "love", "사랑", "너", "babi", "once", "나");
	}

	@Test
	void buildsTheSameVocabularyWhateverTheSongOrder() {
		List<List<String>> shuffled = new ArrayList<>(SONGS);
		Collections.reverse(shuffled);
		assertThat(tokens(Vocabulary.build(shuffled, 1, 100))).isEqualTo(tokens(Vocabulary.build(SONGS, 1, 100)));
		assertThat(Vocabulary.build(shuffled, 1, 100).fingerprint())
			.isEqualTo(Vocabulary.build(SONGS, 1, 100).fingerprint());
	}

	@Test
	void leavesOutTokensBelowTheMinimumCount() {
		assertThat(tokens(Vocabulary.build(SONGS, 2, 100))).containsExactly("<pad>", "<unk>", "love", "사랑", "너");
	}

	@Test
	void capsTheSizeIncludingReservedIds() {
		Vocabulary vocabulary = Vocabulary.build(SONGS, 1, 4);
		assertThat(vocabulary.size()).isEqualTo(4);
		assertThat(tokens(vocabulary)).containsExactly("<pad>", "<unk>", "love", "사랑");
	}

	@Test
	void neverGivesReservedTokensASecondId() {
		Vocabulary vocabulary = Vocabulary.build(List.of(List.of("<pad>", "<unk>", "a")), 1, 10);
		assertThat(tokens(vocabulary)).containsExactly("<pad>", "<unk>", "a");
	}

	@Test
	void mapsUnknownTokensToOne() {
		Vocabulary vocabulary = Vocabulary.build(SONGS, 1, 100);
		assertThat(vocabulary.id("never-seen")).isEqualTo(Vocabulary.UNKNOWN_ID);
		assertThat(vocabulary.id("love")).isEqualTo(2);
	}

	@Test
	void survivesASaveAndLoadRoundTrip() throws IOException {
		Vocabulary vocabulary = Vocabulary.build(SONGS, 1, 100);
		Path file = dir.resolve("vocabulary.txt");
		vocabulary.save(file);
		Vocabulary loaded = Vocabulary.load(file);
		assertThat(tokens(loaded)).isEqualTo(tokens(vocabulary));
		assertThat(loaded.fingerprint()).isEqualTo(vocabulary.fingerprint());
		assertThat(loaded.id("사랑")).isEqualTo(vocabulary.id("사랑"));
	}

	@Test
	void savesOneUtf8TokenPerLineInIdOrder() throws IOException {
		Path file = dir.resolve("vocabulary.txt");
		Vocabulary.of(List.of("사랑", "love")).save(file);
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("<pad>\n<unk>\n사랑\nlove\n");
	}

	@Test
	void fingerprintIsTheSha256OfTheSavedFile() throws IOException, NoSuchAlgorithmException {
		Vocabulary vocabulary = Vocabulary.build(SONGS, 1, 100);
		Path file = dir.resolve("vocabulary.txt");
		vocabulary.save(file);
		String fileHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		assertThat(vocabulary.fingerprint()).isEqualTo(fileHash).hasSize(64);
	}

	@Test
	void fingerprintIsStableAcrossRunsAndChangesWithContent() {
		// Pinned: if this changes, every recorded model card's vocabulary fingerprint would stop matching.
		assertThat(Vocabulary.of(List.of("사랑", "love")).fingerprint())
			.isEqualTo("36d40faa03414cacbe8ca10046e6811deeb37b12b4e62e333b4cccdddd662f14");
		assertThat(Vocabulary.of(List.of("love", "사랑")).fingerprint())
			.isNotEqualTo(Vocabulary.of(List.of("사랑", "love")).fingerprint());
	}

	@Test
	void refusesAFileWithoutTheReservedTokens() throws IOException {
		Path file = dir.resolve("bad.txt");
		Files.writeString(file, "love\n사랑\n");
		assertThatThrownBy(() -> Vocabulary.load(file)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("<pad>");
	}

	@Test
	void refusesDuplicatesAndEmptyLines() throws IOException {
		Path duplicate = dir.resolve("duplicate.txt");
		Files.writeString(duplicate, "<pad>\n<unk>\nlove\nlove\n");
		assertThatThrownBy(() -> Vocabulary.load(duplicate)).hasMessageContaining("appears twice");
		Path empty = dir.resolve("empty.txt");
		Files.writeString(empty, "<pad>\n<unk>\n\nlove\n");
		assertThatThrownBy(() -> Vocabulary.load(empty)).hasMessageContaining("empty");
	}

	@Test
	void refusesWindowsLineEndingsRatherThanMisreadingThem() throws IOException {
		Path file = dir.resolve("crlf.txt");
		Files.writeString(file, "<pad>\r\n<unk>\r\nlove\r\n");
		assertThatThrownBy(() -> Vocabulary.load(file)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesNonsenseBuildParameters() {
		assertThatThrownBy(() -> Vocabulary.build(SONGS, 0, 10)).hasMessageContaining("minCount");
		assertThatThrownBy(() -> Vocabulary.build(SONGS, 1, 1)).hasMessageContaining("maxSize");
	}

	private static List<String> tokens(Vocabulary vocabulary) {
		List<String> tokens = new ArrayList<>();
		for (int id = 0; id < vocabulary.size(); id++) {
			tokens.add(vocabulary.token(id));
		}
		return tokens;
	}
}
