package dev.hitter.trainer.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Gives every song without a fixed split one: 70 / 15 / 15 %, stratified by label (hits and non-hits are split
 * separately, so each part has the set's hit rate), shuffled by the seed.
 */
public final class SplitAssignment {

	public static final String METHOD = "stratified by label, 70/15/15 % train/validation/test, seeded shuffle "
			+ "(splits given by the data are kept)";

	private SplitAssignment() {
	}

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
}
