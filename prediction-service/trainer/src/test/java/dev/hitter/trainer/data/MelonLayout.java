package dev.hitter.trainer.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import dev.hitter.models.Genre;

/**
 * Writes a Melon-layout dataset of any size, shaped like Kakao Arena's files: {@code song_meta.json} rows with the
 * real field order and fields (id last), a genre mix where about a third of the songs are ballad, dance or pop,
 * some songs without genre or date, duets, and {@code train.json} playlists of 1–200 songs (about 35 on average)
 * that favour popular songs. Mels are written for the first {@code mels} songs of our genres only.
 */
final class MelonLayout {

	/** What was written, to check an import against. */
	record Written(int songs, int playlists, long playlistEntries, Map<Genre, Integer> songsPerGenre, int noGenre,
			int noDate, int mels, long bytes) {
	}

	private static final String[] OTHER_CODES = { "GN0300", "GN0400", "GN0500", "GN0600", "GN0700", "GN0800",
			"GN1000", "GN1100", "GN1200", "GN1300", "GN1400", "GN1500", "GN1600", "GN1700", "GN1800", "GN1900" };

	private MelonLayout() {
	}

	static Written write(Path dir, int songs, int playlists, int mels, long seed) throws IOException {
		Files.createDirectories(dir);
		SplittableRandom random = new SplittableRandom(seed);
		Files.writeString(dir.resolve("genre_gn_all.json"), "{\"GN0100\": \"발라드\", \"GN0200\": \"댄스\", "
				+ "\"GN0300\": \"랩/힙합\", \"GN0900\": \"POP\", \"GN0600\": \"록/메탈\"}", StandardCharsets.UTF_8);
		Map<Genre, Integer> perGenre = new EnumMap<>(Genre.class);
		int noGenre = 0;
		int noDate = 0;
		int melsWritten = 0;
		try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("song_meta.json"), StandardCharsets.UTF_8)) {
			out.write('[');
			StringBuilder row = new StringBuilder(400);
			for (int id = 0; id < songs; id++) {
				double roll = random.nextDouble();
				String basket;
				Genre genre = null;
				if (roll < 0.01) {
					basket = "[]";
					noGenre++;
				}
				else if (roll < 0.19) {
					basket = "[\"GN0100\"]";
					genre = Genre.BALLAD;
				}
				else if (roll < 0.29) {
					basket = "[\"GN0200\", \"GN0100\"]";
					genre = Genre.DANCE;
				}
				else if (roll < 0.37) {
					basket = "[\"GN0900\"]";
					genre = Genre.POP;
				}
				else {
					basket = "[\"" + OTHER_CODES[random.nextInt(OTHER_CODES.length)] + "\"]";
				}
				String date;
				double dateRoll = random.nextDouble();
				if (dateRoll < 0.02) {
					date = "00000000";
					if (genre != null) {
						noDate++;
					}
				}
				else if (dateRoll < 0.05) {
					date = String.format("%04d0000", 1970 + random.nextInt(50)); // Melon's month-unknown dates
				}
				else {
					date = String.format("%04d%02d%02d", 1970 + random.nextInt(51), 1 + random.nextInt(12),
							1 + random.nextInt(28));
				}
				int artist = (int) (107_000 * Math.pow(random.nextDouble(), 2));
				boolean duet = random.nextDouble() < 0.05;
				row.setLength(0);
				row.append(id == 0 ? "" : ", ").append("{\"song_gn_dtl_gnr_basket\": [\"GN0101\"], \"issue_date\": \"")
					.append(date).append("\", \"album_name\": \"Album ").append(id / 12).append("\", \"album_id\": ")
					.append(id / 12).append(", \"artist_id_basket\": [").append(artist);
				if (duet) {
					row.append(", ").append(random.nextInt(107_000));
				}
				row.append("], \"song_name\": \"노래 ").append(id).append("\", \"song_gn_gnr_basket\": ").append(basket)
					.append(", \"artist_name_basket\": [\"Artist ").append(artist).append("\"], \"id\": ").append(id)
					.append('}');
				out.append(row);
				if (genre != null) {
					perGenre.merge(genre, 1, Integer::sum);
					if (melsWritten < mels) {
						MelonDatasetTest.writeFloat16Mel(dir.resolve("arena_mel").resolve(Integer.toString(id / 1000))
							.resolve(id + ".npy"), 1876, (short) 0x3800, (short) 0x3C00);
						melsWritten++;
					}
				}
			}
			out.write(']');
		}
		long entries = 0;
		try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("train.json"), StandardCharsets.UTF_8)) {
			out.write('[');
			StringBuilder row = new StringBuilder(1024);
			for (int p = 0; p < playlists; p++) {
				int size = (int) Math.min(200, 1 + Math.floor(-Math.log(1 - random.nextDouble()) * 34.5));
				row.setLength(0);
				row.append(p == 0 ? "" : ", ").append("{\"tags\": [\"발라드\", \"추억\"], \"id\": ").append(p)
					.append(", \"plylst_title\": \"플레이리스트 ").append(p).append("\", \"songs\": [");
				for (int i = 0; i < size; i++) {
					row.append(i == 0 ? "" : ", ").append((int) (songs * Math.pow(random.nextDouble(), 2)));
				}
				entries += size;
				row.append("], \"like_cnt\": ").append((int) (-Math.log(1 - random.nextDouble()) * 60))
					.append(", \"updt_date\": \"2019-0").append(1 + p % 9).append("-11 09:30:01.000\"}");
				out.append(row);
			}
			out.write(']');
		}
		long bytes = Files.size(dir.resolve("song_meta.json")) + Files.size(dir.resolve("train.json"));
		return new Written(songs, playlists, entries, perGenre, noGenre, noDate, melsWritten, bytes);
	}
}
