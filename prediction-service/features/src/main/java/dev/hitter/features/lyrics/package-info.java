/**
 * Lyrics as model input: {@link dev.hitter.features.lyrics.LyricsNormalizer} (canonical text) →
 * {@link dev.hitter.features.lyrics.LyricsTokenizer} (Korean morphemes via Nori, English words) →
 * {@link dev.hitter.features.lyrics.Vocabulary} ids → {@link dev.hitter.features.lyrics.LyricsEncoder} (fixed-length
 * {@link dev.hitter.features.lyrics.EncodedLyrics}), configured by one {@link dev.hitter.features.lyrics.LyricsSpec}
 * that the trainer and the prediction server share.
 */
package dev.hitter.features.lyrics;
