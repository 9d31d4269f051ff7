package dev.hitter.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hitter.models.Genre;

class SplitAssignmentTest {

	/** 60 artists of 5 songs, a chain of duets joining artists 0–3, and 10 songs without an artist. */
	static List<Song> catalogue() {
		List<Song> songs = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			int artist = i / 5;
			List<String> artists = new ArrayList<>(List.of("artist " + artist));
			if (i == 4 || i == 9 || i == 14) {
				artists.add("artist " + (artist + 1)); // duets: 0–1, 1–2, 2–3 end up one group
			}
			songs.add(new Song("s" + i, Genre.POP, i % 3 == 0, null, null, null, artists,
					LocalDate.of(2010, 1, 1).plusDays(i / 2))); // two songs a day: ties at every cut
		}
		for (int i = 0; i < 10; i++) {
			songs.add(new Song("n" + i, Genre.POP, i % 2 == 0, null, null, null, List.of(), null));
		}
		return songs;
	}

	@Test
	void artistSplitPutsEveryArtistInOneSplitAndKeepsDuetsTogether() {
		SplitAssignment.Assigned assigned = SplitAssignment.assign(catalogue(), SplitStrategy.ARTIST, 7);
		assertThat(assigned.songs()).hasSize(310).allMatch(song -> song.split() != null);
		Map<String, Set<Split>> splitsOfArtist = new HashMap<>();
		for (Song song : assigned.songs()) {
			song.artists().forEach(artist -> splitsOfArtist.computeIfAbsent(artist, a -> new HashSet<>())
				.add(song.split()));
		}
		assertThat(splitsOfArtist).hasSize(60).allSatisfy((artist, splits) -> assertThat(splits).hasSize(1));
		assertThat(splitsOfArtist.get("artist 0")).isEqualTo(splitsOfArtist.get("artist 3"));
		for (Split split : Split.values()) {
			List<Song> part = assigned.part(split);
			double share = part.size() / 310.0;
			assertThat(share).isCloseTo(split == Split.TRAIN ? 0.70 : 0.15, org.assertj.core.data.Offset.offset(0.04));
			double hitRate = part.stream().filter(Song::hit).count() / (double) part.size();
			assertThat(hitRate).isBetween(0.2, 0.45);
		}
		// 57 artist groups (the duets join artists 0–3) and the 10 songs without one
		assertThat(assigned.method()).startsWith("artist: grouped by artist").contains("67 groups from 60 artists",
				"10 songs without an artist");
	}

	@Test
	void timeSplitTrainsOnOlderSongsAndLeavesUndatedOnesOut() {
		SplitAssignment.Assigned assigned = SplitAssignment.assign(catalogue(), SplitStrategy.TIME, 7);
		assertThat(assigned.songs()).hasSize(300);
		assertThat(assigned.undatedLeftOut()).isEqualTo(10);
		assertThat(assigned.leftOutIds()).containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9");
		LocalDate newestTrain = newest(assigned.part(Split.TRAIN));
		LocalDate oldestValidation = oldest(assigned.part(Split.VALIDATION));
		assertThat(newestTrain).isBefore(oldestValidation);
		assertThat(newest(assigned.part(Split.VALIDATION))).isBefore(oldest(assigned.part(Split.TEST)));
		assertThat(assigned.part(Split.TRAIN)).hasSize(210);
		assertThat(assigned.method()).startsWith("time: by release date").contains("10 songs without a release date");
	}

	@Test
	void randomSplitIsTodaysStratifiedShuffle() {
		List<Song> songs = catalogue();
		SplitAssignment.Assigned assigned = SplitAssignment.assign(songs, SplitStrategy.RANDOM, 7);
		assertThat(assigned.songs()).isEqualTo(SplitAssignment.assign(songs, 7));
		assertThat(assigned.method()).startsWith("random: stratified by label");
	}

	@Test
	void unknownStrategyIsRefusedByName() {
		assertThat(SplitStrategy.parse(" Artist ")).isEqualTo(SplitStrategy.ARTIST);
		assertThatThrownBy(() -> SplitStrategy.parse("genre")).hasMessageContaining("random, artist or time");
	}

	@Test
	void fingerprintChangesWithALabelAndNotWithOrder() {
		List<Song> songs = catalogue();
		List<Song> reversed = new ArrayList<>(songs);
		reversed.sort(Comparator.comparing(Song::id).reversed());
		assertThat(SplitRecord.fingerprint(reversed)).isEqualTo(SplitRecord.fingerprint(songs)).hasSize(64);
		Song first = songs.get(0);
		songs.set(0, new Song(first.id(), first.genre(), !first.hit(), null, null, null, first.artists(),
				first.released()));
		assertThat(SplitRecord.fingerprint(songs)).isNotEqualTo(SplitRecord.fingerprint(reversed));
	}

	private static LocalDate newest(List<Song> songs) {
		return songs.stream().map(Song::released).max(Comparator.naturalOrder()).orElseThrow();
	}

	private static LocalDate oldest(List<Song> songs) {
		return songs.stream().map(Song::released).min(Comparator.naturalOrder()).orElseThrow();
	}
}
