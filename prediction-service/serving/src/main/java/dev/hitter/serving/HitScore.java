package dev.hitter.serving;

import dev.hitter.models.Combination;
import dev.hitter.models.Genre;

/**
 * A genre's hit probability for a song, from its audio and lyrics scores combined as the model set says.
 *
 * @param genre the genre whose models answered
 * @param version the model-set version
 * @param audio the audio model's answer
 * @param lyrics the lyrics model's answer
 * @param probability the combined hit probability
 * @param audioShare the share of the combined logit owed to the audio (0–1)
 * @param combination how the two were combined
 * @param attribution the combined logit split over the audio's stretches, the words and one bias, in one currency
 */
public record HitScore(Genre genre, String version, AudioScore audio, LyricsScore lyrics, double probability,
		double audioShare, Combination combination, HitAttribution attribution) {
}
