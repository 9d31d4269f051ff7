package dev.hitter.trainer.demo;

import java.util.List;

import dev.hitter.models.Genre;

/**
 * How a genre's synthetic songs differ: tempo ranges of hits and non-hits (overlapping, so tempo alone is not
 * enough), the register of the chords, and the chorus hook words of its hits.
 */
record GenreStyle(double slowBpm, double splitBpm, double fastBpm, double lowRootHz, double highRootHz,
		List<String> hookLines) {

	static GenreStyle of(Genre genre) {
		return switch (genre) {
			case BALLAD -> new GenreStyle(60, 78, 100, 98, 165,
					List.of("눈물 눈물 그리워 그리워", "tears fall tears fall my tears"));
			case POP -> new GenreStyle(90, 110, 130, 130, 220,
					List.of("baby baby oh my baby", "달콤해 달콤해 너무 달콤해"));
			case DANCE -> new GenreStyle(115, 126, 140, 110, 196,
					List.of("dance dance dance all night", "춤춰 춤춰 모두 춤춰"));
		};
	}
}
