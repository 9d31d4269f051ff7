package dev.hitter.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.models.Genre;

public class MelonDatasetTest {

	@Test
	void importsGenresLabelsByPopularityWithinYearAndSkipsMissingOrBrokenMels(@TempDir Path dir) throws Exception {
		Path data = dir.resolve("melon");
		Files.createDirectories(data);
		Files.writeString(data.resolve("genre_gn_all.json"), """
				{"GN0100": "발라드", "GN0200": "댄스", "GN0300": "랩/힙합", "GN0600": "록/메탈", "GN0900": "POP",
				 "GN0901": "얼터너티브팝"}
				""");
		StringBuilder meta = new StringBuilder("[");
		for (int id = 1; id <= 8; id++) {
			meta.append(song(id, "[\"GN0900\"]", "20150301")).append(',');
		}
		meta.append(song(9, "[\"GN0900\", \"GN0901\"]", "20160101")).append(',');
		meta.append(song(10, "[\"GN0900\"]", "20160715")).append(',');
		meta.append(song(1000, "[\"GN0900\"]", "20161231")).append(',');
		meta.append(song(11, "[\"GN0300\", \"GN0100\"]", "00000000")).append(',');
		meta.append(song(12, "[\"GN0600\"]", "20150101")).append(']');
		Files.writeString(data.resolve("song_meta.json"), meta, StandardCharsets.UTF_8);
		Files.writeString(data.resolve("train.json"), """
				[{"id": 1, "plylst_title": "a", "tags": [], "songs": [1, 2, 3], "like_cnt": 10, "updt_date": "x"},
				 {"id": 2, "plylst_title": "b", "tags": [], "songs": [1, 4, 1000], "like_cnt": 0, "updt_date": "x"}]
				""");
		for (int id : new int[] { 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 1000 }) {
			writeFloat16Mel(data.resolve("arena_mel").resolve(Integer.toString(id / 1000)).resolve(id + ".npy"),
					id == 9 ? 1000 : 1876);
		}
		Files.writeString(data.resolve("arena_mel/0/6.npy"), "not a numpy file");
		Path lyrics = Files.createDirectories(dir.resolve("lyrics"));
		Files.writeString(lyrics.resolve("1.txt"), "hello hello");

		MelonDataset.Import imported = new MelonDataset(data, lyrics, 0.25).read(List.of(Genre.values()), 0, 7);

		assertThat(imported.missingMels()).isEqualTo(1); // song 5
		assertThat(imported.corruptMels()).isEqualTo(1); // song 6
		assertThat(imported.report().counts()).containsOnly(entry(InputProblems.Kind.MISSING_MEL, 1),
				entry(InputProblems.Kind.UNREADABLE_MEL, 1), entry(InputProblems.Kind.NO_DATE, 1)); // 11: 00000000
		assertThat(imported.problems()).anyMatch(problem -> problem.startsWith("song 6:"))
			.anyMatch(problem -> problem.startsWith("song 5:"));
		assertThat(imported.unmappedSongs()).isEqualTo(1); // song 12, rock
		assertThat(imported.songsRead()).isEqualTo(13);
		assertThat(imported.playlistsRead()).isEqualTo(2);
		TrainingSet pop = imported.sets().get(Genre.POP);
		assertThat(pop.songs()).extracting(Song::id)
			.containsExactly("1", "2", "3", "4", "7", "8", "9", "10", "1000");
		// 2015 (8 songs): top 2 are 1 (popularity 12) and 2 (11, ahead of 3 by id); 2016 (3 songs): top 1 is 1000.
		assertThat(pop.songs().stream().filter(Song::hit).map(Song::id)).containsExactly("1", "2", "1000");
		assertThat(pop.songs().get(0).lyrics()).isEqualTo("hello hello");
		assertThat(pop.songs().get(1).lyrics()).isNull();
		assertThat(pop.songs().get(6).mel().framesFirst()).hasSize(1876 * 48); // 1000 frames, zero-padded
		assertThat(pop.songs().get(0).mel().framesFirst()[0]).isEqualTo(1.0f); // float16 read as float
		assertThat(pop.source()).isEqualTo("melon");
		assertThat(pop.demonstration()).isFalse();
		assertThat(pop.labelRule()).contains("top 25 %", "1 + like_cnt");
		assertThat(pop.songs().get(0).artists()).containsExactly("a"); // names when a row has no artist ids
		assertThat(pop.songs().get(0).released()).isEqualTo(LocalDate.of(2015, 3, 1));
		assertThat(imported.sets().get(Genre.BALLAD).songs()).extracting(Song::id).containsExactly("11");
		assertThat(imported.sets().get(Genre.BALLAD).songs().get(0).released()).isNull();
		assertThat(imported.sets()).doesNotContainKey(Genre.DANCE);
	}

	@Test
	void countsEveryKindOfBadInputAndKeepsTheRest(@TempDir Path dir) throws Exception {
		Path data = Files.createDirectories(dir.resolve("melon"));
		Files.writeString(data.resolve("song_meta.json"), "["
				+ song(1, "[\"GN0100\"]", "20150301") + ", "
				+ song(2, "[\"GN0100\"]", "20150302") + ", "
				+ song(3, "[\"GN0100\"]", "20150303") + ", "
				+ song(4, "[\"GN0100\"]", "20150304") + ", "
				+ song(5, "[\"GN0100\"]", "20150305") + ", "
				+ song(6, "[\"GN0100\"]", "20150306") + ", "
				+ song(7, "[]", "20150307") + ", "                       // no genre
				+ song(8, "[\"GN0100\"]", "") + ", "                  // no date
				+ song(9, "[\"GN0100\"]", "20151340") + ", "          // not a date
				+ song(1, "[\"GN0200\"]", "20160101") + ", "          // duplicate id: the first row is kept
				+ "42, "                                                 // not an object
				+ "{\"id\": \"ten\", \"song_gn_gnr_basket\": [\"GN0100\"]}, " // id not a number
				+ "{\"song_gn_gnr_basket\": [\"GN0100\"], \"artist_id_basket\": [{\"deep\": [1, 2]}]}" // no id
				+ "]");
		Files.writeString(data.resolve("train.json"), "[{\"songs\": [1, 2, 999], \"like_cnt\": 3}, \"playlist\", "
				+ "{\"songs\": \"1,2\", \"like_cnt\": 1}]");
		Path mels = data.resolve("arena_mel/0");
		writeFloat16Mel(mels.resolve("1.npy"), 1876);
		writeFloat16Mel(mels.resolve("8.npy"), 1876);
		writeFloat16Mel(mels.resolve("9.npy"), 1876);
		// 2: missing; 3: truncated; 4: 10 bands; 5: NaN; 6: not NumPy
		writeFloat16Mel(mels.resolve("3.npy"), 1876);
		byte[] whole = Files.readAllBytes(mels.resolve("3.npy"));
		Files.write(mels.resolve("3.npy"), java.util.Arrays.copyOf(whole, whole.length / 2));
		dev.hitter.features.npy.Npy.writeFloats(mels.resolve("4.npy"),
				dev.hitter.features.npy.NpyArray.ofFloats(new float[10 * 20], 10, 20));
		writeFloat16Mel(mels.resolve("5.npy"), 1876, (short) 0x7E00, (short) 0x3C00);
		Files.writeString(mels.resolve("6.npy"), "a text file");

		MelonDataset.Import imported = new MelonDataset(data, null, 0.25, 3).read(List.of(Genre.values()), 0, 7);

		assertThat(imported.report().counts()).containsOnly(entry(InputProblems.Kind.MISSING_MEL, 1),
				entry(InputProblems.Kind.TRUNCATED_MEL, 1), entry(InputProblems.Kind.WRONG_SHAPE_MEL, 1),
				entry(InputProblems.Kind.NON_FINITE_MEL, 1), entry(InputProblems.Kind.UNREADABLE_MEL, 1),
				entry(InputProblems.Kind.NO_GENRE, 1), entry(InputProblems.Kind.NO_DATE, 1),
				entry(InputProblems.Kind.BAD_DATE, 1), entry(InputProblems.Kind.DUPLICATE_ID, 1),
				entry(InputProblems.Kind.BROKEN_ROW, 5), entry(InputProblems.Kind.UNKNOWN_PLAYLIST_SONG, 1));
		assertThat(imported.report().summary()).contains("1 mel file truncated", "5 broken row");
		assertThat(imported.problems()).contains("song_meta.json row 11: not a JSON object",
				"song_meta.json row 12: id is not a whole number ≥ 0", "song_meta.json row 13: no id",
				"train.json row 2: not a JSON object");
		assertThat(imported.missingMels()).isEqualTo(1);
		assertThat(imported.corruptMels()).isEqualTo(4);
		assertThat(imported.songsRead()).isEqualTo(13);
		assertThat(imported.playlistsRead()).isEqualTo(3);
		TrainingSet ballad = imported.sets().get(Genre.BALLAD);
		assertThat(ballad.songs()).extracting(Song::id).containsExactly("1", "8", "9");
		assertThat(ballad.songs()).extracting(Song::released).containsExactly(LocalDate.of(2015, 3, 1), null, null);
		assertThat(imported.sets()).doesNotContainKey(Genre.DANCE); // the duplicate row of song 1 was dropped
	}

	@Test
	void malformedJsonIsCountedAndTheRowsBeforeItAreKept(@TempDir Path dir) throws Exception {
		Path data = Files.createDirectories(dir.resolve("melon"));
		String rows = song(1, "[\"GN0900\"]", "20150301") + ", " + song(2, "[\"GN0900\"]", "20150302");
		Files.writeString(data.resolve("song_meta.json"), "[" + rows + ", {\"id\": 3, \"song_gn_"); // cut off
		Files.writeString(data.resolve("train.json"), "[{\"songs\": [1], \"like_cnt\": 3}, {\"songs\": [2");
		writeFloat16Mel(data.resolve("arena_mel/0/1.npy"), 1876);
		writeFloat16Mel(data.resolve("arena_mel/0/2.npy"), 1876);

		MelonDataset.Import imported = new MelonDataset(data, null, 0.5).read(List.of(Genre.POP), 0, 7);

		assertThat(imported.report().count(InputProblems.Kind.BROKEN_JSON)).isEqualTo(2);
		assertThat(imported.problems()).anyMatch(problem -> problem.startsWith("song_meta.json line 1"))
			.anyMatch(problem -> problem.startsWith("train.json line 1"));
		TrainingSet pop = imported.sets().get(Genre.POP);
		assertThat(pop.songs()).extracting(Song::id).containsExactly("1", "2");
		assertThat(pop.songs()).extracting(Song::hit).containsExactly(true, false); // the playlist before the break
		assertThat(pop.songs().get(0).mel().bytes()).isEqualTo(Files.size(data.resolve("arena_mel/0/1.npy")));
	}

	private static String song(int id, String basket, String issueDate) {
		return String.format("{\"id\": %d, \"song_name\": \"s%d\", \"song_gn_gnr_basket\": %s, \"issue_date\": \"%s\", "
				+ "\"artist_name_basket\": [\"a\"], \"album_id\": 1}", id, id, basket, issueDate);
	}

	/** NumPy's float16 layout, as in Kakao's arena_mel (all values 1.0: half-precision bits 0x3C00). */
	private static void writeFloat16Mel(Path file, int frames) throws IOException {
		writeFloat16Mel(file, frames, (short) 0x3C00, (short) 0x3C00);
	}

	/** A float16 mel whose bands 0–29 hold {@code low} and bands 30–47 {@code high} (half-precision bits). */
	public static void writeFloat16Mel(Path file, int frames, short low, short high) throws IOException {
		Files.createDirectories(file.getParent());
		String header = "{'descr': '<f2', 'fortran_order': False, 'shape': (48, " + frames + "), }";
		int total = 10 + header.length() + 1;
		int padding = (64 - total % 64) % 64;
		header = header + " ".repeat(padding) + "\n";
		ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 48 * frames * 2).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
		buffer.putShort((short) header.length());
		buffer.put(header.getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < 48 * frames; i++) {
			buffer.putShort(i / frames < 30 ? low : high);
		}
		Files.write(file, buffer.array());
	}
}
