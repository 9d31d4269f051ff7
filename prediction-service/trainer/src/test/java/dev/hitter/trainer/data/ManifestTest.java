package dev.hitter.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hitter.features.npy.Npy;
import dev.hitter.features.npy.NpyArray;
import dev.hitter.models.Genre;

class ManifestTest {

	@Test
	void readsGoodRowsAndReportsBadOnesWithTheirLines(@TempDir Path dir) throws Exception {
		Files.createDirectories(dir.resolve("mels"));
		Npy.writeFloats(dir.resolve("mels/a.npy"), NpyArray.ofFloats(new float[48 * 1876], 48, 1876));
		Npy.writeFloats(dir.resolve("mels/short.npy"), NpyArray.ofFloats(new float[48 * 100], 48, 100));
		Npy.writeFloats(dir.resolve("mels/wrong.npy"), NpyArray.ofFloats(new float[10 * 20], 10, 20));
		Files.writeString(dir.resolve("b.txt"), "사랑해 baby");
		Files.writeString(dir.resolve("songs.csv"), """
				id,genre,label,popularity,mel,lyrics,lyrics_file,split
				a,pop,1,,mels/a.npy,"la la, ""la""
				second line",,train
				b,BALLAD,0,,mels/short.npy,,b.txt,
				c,ROCK,1,,mels/a.npy,,,
				d,POP,,,mels/a.npy,,,
				e,POP,1,,mels/missing.npy,,,
				f,POP,1,,mels/wrong.npy,,,
				g,POP,0,,mels/a.npy,,,sometimes
				h,POP,1
				a,POP,0,,mels/a.npy,,,
				""");
		Manifest.Contents contents = new Manifest(null).read(dir.resolve("songs.csv"));
		assertThat(contents.songs()).extracting(Song::id).containsExactly("a", "b");
		Song a = contents.songs().get(0);
		assertThat(a.genre()).isEqualTo(Genre.POP);
		assertThat(a.hit()).isTrue();
		assertThat(a.lyrics()).isEqualTo("la la, \"la\"\nsecond line");
		assertThat(a.split()).isEqualTo(Split.TRAIN);
		Song b = contents.songs().get(1);
		assertThat(b.lyrics()).isEqualTo("사랑해 baby");
		assertThat(b.split()).isNull();
		assertThat(b.mel().framesFirst()).hasSize(1876 * 48);
		assertThat(contents.skipped()).isEqualTo(7);
		assertThat(contents.problems()).containsExactly(
				"songs.csv line 5: genre must be POP, BALLAD or DANCE, not 'ROCK'",
				"songs.csv line 6: needs a label or a popularity",
				"songs.csv line 7: file not found: " + dir.resolve("mels/missing.npy"),
				"songs.csv line 8: wrong.npy is not a 48 × n mel: NpyArray[<f4 [10, 20]]",
				"songs.csv line 9: unknown split 'sometimes' (train, validation or test)",
				"songs.csv line 10: 3 fields where the header has 8",
				"songs.csv line 11: id 'a' appears twice");
		assertThat(contents.report().counts()).containsOnly(entry(InputProblems.Kind.BAD_GENRE, 1),
				entry(InputProblems.Kind.MISSING_FIELD, 1), entry(InputProblems.Kind.MISSING_FILE, 1),
				entry(InputProblems.Kind.WRONG_SHAPE_MEL, 1), entry(InputProblems.Kind.BAD_SPLIT, 1),
				entry(InputProblems.Kind.BROKEN_ROW, 1), entry(InputProblems.Kind.DUPLICATE_ID, 1));
	}

	@Test
	void readsArtistsAndReleaseDatesAndCountsBadOnesByKind(@TempDir Path dir) throws Exception {
		Npy.writeFloats(dir.resolve("m.npy"), NpyArray.ofFloats(new float[48 * 1876], 48, 1876));
		byte[] whole = Files.readAllBytes(dir.resolve("m.npy"));
		Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(whole, 1000));
		Files.writeString(dir.resolve("songs.csv"), """
				id,genre,label,mel,artist,released
				a,POP,1,m.npy,IU|Suga,2020-05-06
				b,POP,0,m.npy,IU,20190101
				c,POP,0,m.npy,,
				d,POP,1,m.npy,IU,last spring
				e,POP,1,cut.npy,IU,2020-01-01
				f,POP,maybe,m.npy,IU,2020-01-01
				""");
		Manifest.Contents contents = new Manifest(null).read(dir.resolve("songs.csv"));
		assertThat(contents.songs()).extracting(Song::id).containsExactly("a", "b", "c");
		assertThat(contents.songs()).extracting(Song::artists).containsExactly(List.of("IU", "Suga"), List.of("IU"),
				List.of());
		assertThat(contents.songs()).extracting(Song::released).containsExactly(LocalDate.of(2020, 5, 6),
				LocalDate.of(2019, 1, 1), null);
		assertThat(contents.report().counts()).containsOnly(entry(InputProblems.Kind.BAD_DATE, 1),
				entry(InputProblems.Kind.TRUNCATED_MEL, 1), entry(InputProblems.Kind.BAD_LABEL, 1));
		assertThat(contents.problems()).containsExactly(
				"songs.csv line 5: released must be a date (yyyy-MM-dd), not 'last spring'",
				"songs.csv line 6: the file ends before its data does (truncated)",
				"songs.csv line 7: label must be 0 or 1, not 'maybe'");
	}

	@Test
	void labelsByPopularityThresholdFromJsonLines(@TempDir Path dir) throws Exception {
		Npy.writeFloats(dir.resolve("m.npy"), NpyArray.ofFloats(new float[48 * 1876], 48, 1876));
		Files.writeString(dir.resolve("songs.jsonl"), """
				{"id": "x", "genre": "DANCE", "popularity": 91.5, "mel": "m.npy", "lyrics": "dance"}
				{"id": "y", "genre": "DANCE", "popularity": 12, "mel": "m.npy", "split": "test", "artist": ["IU", "Suga"], "released": "2021-03-04"}
				not json
				""");
		Manifest.Contents contents = new Manifest(50.0).read(dir.resolve("songs.jsonl"));
		assertThat(contents.songs()).extracting(Song::hit).containsExactly(true, false);
		assertThat(contents.songs().get(1).split()).isEqualTo(Split.TEST);
		assertThat(contents.songs().get(1).artists()).containsExactly("IU", "Suga");
		assertThat(contents.songs().get(1).released()).isEqualTo(LocalDate.of(2021, 3, 4));
		assertThat(contents.report().counts()).containsOnly(entry(InputProblems.Kind.BROKEN_ROW, 1));
		assertThat(contents.problems()).singleElement().asString().startsWith("songs.jsonl line 3: not valid JSON");
	}
}
