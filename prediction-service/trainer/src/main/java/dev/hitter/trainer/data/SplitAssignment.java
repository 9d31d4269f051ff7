package dev.hitter.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Gives every song a split, 70 / 15 / 15 % train / validation / test, by one of three {@link SplitStrategy
 * strategies}:
 * <ul>
 * <li>random: stratified by label (hits and non-hits are split separately, so each part has the set's hit rate),
 * shuffled by the seed; splits given by the data are kept;</li>
 * <li>artist: songs sharing any artist form one group (union–find over the artists, so a duet joins both artists'
 * songs), whole groups go to one split, chosen greedily to keep each split's share of hits and of non-hits near
 * its target; no artist is in two splits;</li>
 * <li>time: by release date, oldest songs to train, then validation, newest to test; a cut never falls inside
 * one date, so the newest training song is older than every validation and test song. Songs without a date are
 * left out and counted. Not stratified: that would cross the date boundary (the within-year Melon labels keep
 * the hit rate about even across years anyway).</li>
 * </ul>
 * Artist and time splits replace splits given by the data (counted): kept, they could cross the boundary.
 */
public final class SplitAssignment {

	public static final String METHOD = "random: stratified by label, 70/15/15 % train/validation/test, seeded shuffle "
			+ "(splits given by the data are kept)";

	private static final double[] SHARES = { 0.70, 0.15, 0.15 };

	private static final Split[] ORDER = { Split.TRAIN, Split.VALIDATION, Split.TEST };

	private SplitAssignment() {
	}

	/**
	 * The songs with their splits and what the model card and {@code splits.json} say about them.
	 *
	 * @param songs the songs that take part, each with a split (time: the dated ones only)
	 * @param method the card's {@code trainingData.split.method}
	 * @param undatedLeftOut songs left out of a time split for want of a release date
	 * @param givenSplitsReplaced splits given by the data that an artist or time split replaced
	 */
	public record Assigned(SplitStrategy strategy, long seed, List<Song> songs, String method, int undatedLeftOut,
			int givenSplitsReplaced, List<String> leftOutIds) {

		public Assigned {
			songs = List.copyOf(songs);
			leftOutIds = List.copyOf(leftOutIds);
		}

		public List<Song> part(Split split) {
			return songs.stream().filter(song -> song.split() == split).toList();
		}
	}

	/** Today's random split, stratified by label. */
	public static List<Song> assign(List<Song> songs, long seed) {
		List<Song> out = new ArrayList<>(songs.size());
		for (boolean hit : new boolean[] { true, false }) {
			List<Song> group = new ArrayList<>();
			for (Song song : songs) {
				if (song.hit() == hit) {
					if (song.split() != null) {
						out.add(song);
					}
					else {
						group.add(song);
					}
				}
			}
			Collections.shuffle(group, new Random(seed + (hit ? 1 : 0)));
			int validation = (int) Math.round(group.size() * 0.15);
			int test = (int) Math.round(group.size() * 0.15);
			for (int i = 0; i < group.size(); i++) {
				Split split = i < validation ? Split.VALIDATION : i < validation + test ? Split.TEST : Split.TRAIN;
				out.add(group.get(i).withSplit(split));
			}
		}
		return out;
	}

	public static Assigned assign(List<Song> songs, SplitStrategy strategy, long seed) {
		int given = (int) songs.stream().filter(song -> song.split() != null).count();
		return switch (strategy) {
			case RANDOM -> new Assigned(strategy, seed, assign(songs, seed), METHOD, 0, 0, List.of());
			case ARTIST -> byArtist(songs, seed, given);
			case TIME -> byTime(songs, seed, given);
		};
	}

	private static Assigned byArtist(List<Song> songs, long seed, int given) {
		int n = songs.size();
		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		Map<String, Integer> firstSong = new HashMap<>();
		int withoutArtist = 0;
		for (int i = 0; i < n; i++) {
			List<String> artists = songs.get(i).artists();
			if (artists.isEmpty()) {
				withoutArtist++;
			}
			for (String artist : artists) {
				Integer first = firstSong.putIfAbsent(artist, i);
				if (first != null) {
					union(parent, first, i);
				}
			}
		}
		Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			byRoot.computeIfAbsent(find(parent, i), root -> new ArrayList<>()).add(i);
		}
		List<List<Integer>> groups = new ArrayList<>(byRoot.values());
		Collections.shuffle(groups, new Random(seed));
		// Largest groups first: placed while every split still has room, the small ones then even out the shares.
		groups.sort(Comparator.comparingInt((List<Integer> group) -> group.size()).reversed());
		int hits = (int) songs.stream().filter(Song::hit).count();
		int misses = n - hits;
		int[] songsIn = new int[3];
		int[] hitsIn = new int[3];
		Split[] splits = new Split[n];
		for (List<Integer> group : groups) {
			int groupHits = (int) group.stream().filter(i -> songs.get(i).hit()).count();
			int groupMisses = group.size() - groupHits;
			int best = 0;
			double bestNeed = Double.NEGATIVE_INFINITY;
			for (int s = 0; s < 3; s++) {
				double need = 0;
				if (groupHits > 0) {
					need += groupHits * (SHARES[s] * hits - hitsIn[s]) / (SHARES[s] * hits);
				}
				if (groupMisses > 0) {
					need += groupMisses * (SHARES[s] * misses - (songsIn[s] - hitsIn[s])) / (SHARES[s] * misses);
				}
				if (need > bestNeed) {
					bestNeed = need;
					best = s;
				}
			}
			songsIn[best] += group.size();
			hitsIn[best] += groupHits;
			for (int i : group) {
				splits[i] = ORDER[best];
			}
		}
		List<Song> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			out.add(songs.get(i).withSplit(splits[i]));
		}
		String method = String.format("artist: grouped by artist (songs sharing any artist kept together: %d groups "
				+ "from %d artists, %d songs without an artist each their own group), whole groups assigned to "
				+ "70/15/15 %% train/validation/test balancing hits and non-hits, seeded order; no artist is in two "
				+ "splits%s", groups.size(), firstSong.size(), withoutArtist, replaced(given));
		return new Assigned(SplitStrategy.ARTIST, seed, out, method, 0, given, List.of());
	}

	private static Assigned byTime(List<Song> songs, long seed, int given) {
		List<Song> dated = new ArrayList<>();
		List<String> leftOut = new ArrayList<>();
		for (Song song : songs) {
			if (song.released() == null) {
				leftOut.add(song.id());
			}
			else {
				dated.add(song);
			}
		}
		dated.sort(Comparator.comparing(Song::released).thenComparing(Song::id));
		int n = dated.size();
		int validationStart = cut(dated, (int) Math.round(n * SHARES[0]));
		int testStart = cut(dated, Math.max(validationStart, (int) Math.round(n * (SHARES[0] + SHARES[1]))));
		List<Song> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			out.add(dated.get(i).withSplit(i < validationStart ? Split.TRAIN : i < testStart ? Split.VALIDATION
					: Split.TEST));
		}
		String method = String.format("time: by release date, oldest 70 %% train%s, next 15 %% validation, newest 15 %% "
				+ "test%s (no date in two splits; not stratified by label); %d songs without a release date left "
				+ "out%s", validationStart > 0 ? " (to " + dated.get(validationStart - 1).released() + ")" : "",
				testStart < n ? " (from " + dated.get(testStart).released() + ")" : "", leftOut.size(),
				replaced(given));
		return new Assigned(SplitStrategy.TIME, seed, out, method, leftOut.size(), given, leftOut);
	}

	/** Moves a cut past songs released on the same day as the one before it, so no date straddles two splits. */
	private static int cut(List<Song> sorted, int at) {
		int cut = Math.min(at, sorted.size());
		while (cut > 0 && cut < sorted.size()
				&& sorted.get(cut).released().equals(sorted.get(cut - 1).released())) {
			cut++;
		}
		return cut;
	}

	private static String replaced(int given) {
		return given == 0 ? "" : "; " + given + " splits given by the data replaced";
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	private static void union(int[] parent, int a, int b) {
		int ra = find(parent, a);
		int rb = find(parent, b);
		if (ra != rb) {
			parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}
}
