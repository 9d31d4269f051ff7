package dev.hitter.prediction.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What identifies the track an analysis scored: the SHA-256 of the audio file exactly as uploaded, its format as the
 * decoder found it, and the SHA-256 of the lyrics as analysed. Kept with the analysis so that publishing can insist
 * on the very same file and words (otherwise anyone could put a different song behind a high score).
 *
 * @param audioSha256 lower-case hex
 * @param audioMediaType the media type a browser plays it as, from the decoder's container name
 * @param lyricsSha256 lower-case hex of {@link #normalisedLyrics(String)}
 */
public record TrackFingerprint(String audioSha256, String audioMediaType, String lyricsSha256) {

	/** FFmpeg's container names (the decoder's whitelist) and the media types browsers know them by. */
	private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(Map.entry("wav", "audio/wav"),
			Map.entry("w64", "audio/wav"), Map.entry("aiff", "audio/aiff"), Map.entry("mp3", "audio/mpeg"),
			Map.entry("flac", "audio/flac"), Map.entry("ogg", "audio/ogg"),
			Map.entry("mov,mp4,m4a,3gp,3g2,mj2", "audio/mp4"), Map.entry("aac", "audio/aac"),
			Map.entry("matroska,webm", "audio/webm"), Map.entry("caf", "audio/x-caf"));

	static TrackFingerprint of(Path audio, String container, String lyrics) {
		return new TrackFingerprint(sha256(audio), mediaType(container), lyricsSha256(lyrics));
	}

	public static String mediaType(String container) {
		return MEDIA_TYPES.getOrDefault(container, "application/octet-stream");
	}

	/**
	 * The lyrics as compared: browsers send a form's line breaks as CRLF, files come with either, and a trailing
	 * newline or a byte-order mark is no different song; none of that may make the same words "other lyrics".
	 */
	public static String normalisedLyrics(String lyrics) {
		if (lyrics == null) {
			return "";
		}
		String text = lyrics.startsWith("\uFEFF") ? lyrics.substring(1) : lyrics;
		return text.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	public static String lyricsSha256(String lyrics) {
		return HexFormat.of().formatHex(digest().digest(normalisedLyrics(lyrics).getBytes(StandardCharsets.UTF_8)));
	}

	public static String sha256(Path file) {
		MessageDigest digest = digest();
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}
}
