package dev.hitter.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
		assertThat(imported.problems()).singleElement().asString().startsWith("song 6:");
		assertThat(imported.unmappedSongs()).isEqualTo(1); // song 12, rock
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
		assertThat(imported.sets().get(Genre.BALLAD).songs()).extracting(Song::id).containsExactly("11");
		assertThat(imported.sets()).doesNotContainKey(Genre.DANCE);
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
