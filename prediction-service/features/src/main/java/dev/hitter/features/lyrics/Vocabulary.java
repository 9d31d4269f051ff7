package dev.hitter.features.lyrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mapping between lyrics tokens and the ids the CNN's embedding layer reads, fixed at training time and shipped
 * with the model.
 *
 * <p>File format: UTF-8, one token per line in id order, each line ending in {@code \n}, starting with the reserved
 * {@code <pad>} (id 0) and {@code <unk>} (id 1). {@link #fingerprint()} is the SHA-256 of exactly those bytes, so
 * {@code sha256sum vocabulary.txt} prints it too. Immutable, so one instance serves every thread.
 */
public final class Vocabulary {

	/** The id that fills positions after the last token. */
	public static final int PAD_ID = 0;

	/** The id of every token the vocabulary does not hold. */
	public static final int UNKNOWN_ID = 1;

	public static final String PAD = "<pad>";

	public static final String UNKNOWN = "<unk>";

	private final List<String> tokens;

	private final Map<String, Integer> ids;

	private final String fingerprint;

	private Vocabulary(List<String> tokens) {
		if (tokens.size() < 2 || !PAD.equals(tokens.get(PAD_ID)) || !UNKNOWN.equals(tokens.get(UNKNOWN_ID))) {
			throw new IllegalArgumentException("a vocabulary starts with " + PAD + " and " + UNKNOWN);
		}
		Map<String, Integer> ids = new HashMap<>(tokens.size() * 2);
		for (int id = 0; id < tokens.size(); id++) {
			String token = tokens.get(id);
			if (token.isEmpty() || token.indexOf('\n') >= 0 || token.indexOf('\r') >= 0) {
				throw new IllegalArgumentException("vocabulary token " + id + " is empty or spans lines");
			}
			if (ids.putIfAbsent(token, id) != null) {
				throw new IllegalArgumentException("vocabulary token '" + token + "' appears twice (ids "
						+ ids.get(token) + " and " + id + ")");
			}
		}
		this.tokens = List.copyOf(tokens);
		this.ids = Map.copyOf(ids);
		this.fingerprint = sha256(content());
	}

	/**
	 * The vocabulary of a training corpus: tokens seen at least {@code minCount} times, most frequent first, ties by
	 * token ({@link String#compareTo}), so the same corpus always gives the same ids whatever the song order.
	 *
	 * @param tokenizedSongs each song's token keys ({@link LyricsToken#key()})
	 * @param minCount fewest occurrences for a token to get its own id (at least 1)
	 * @param maxSize most ids in total, the two reserved ones included (the embedding layer's input size)
	 */
	public static Vocabulary build(Iterable<List<String>> tokenizedSongs, int minCount, int maxSize) {
		Objects.requireNonNull(tokenizedSongs, "tokenizedSongs");
		if (minCount < 1) {
			throw new IllegalArgumentException("minCount must be at least 1: " + minCount);
		}
		if (maxSize < 2) {
			throw new IllegalArgumentException("maxSize must be at least 2 (" + PAD + " and " + UNKNOWN + "): "
					+ maxSize);
		}
		Map<String, long[]> counts = new HashMap<>();
		for (List<String> song : tokenizedSongs) {
			for (String token : song) {
				counts.computeIfAbsent(token, t -> new long[1])[0]++;
			}
		}
		counts.remove(PAD);
		counts.remove(UNKNOWN);
		List<Map.Entry<String, long[]>> ranked = new ArrayList<>(counts.entrySet());
		ranked.removeIf(entry -> entry.getValue()[0] < minCount);
		ranked.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> -entry.getValue()[0])
				.thenComparing(Map.Entry::getKey));
		List<String> tokens = new ArrayList<>(Math.min(maxSize, ranked.size() + 2));
		tokens.add(PAD);
		tokens.add(UNKNOWN);
		for (int i = 0; i < ranked.size() && tokens.size() < maxSize; i++) {
			tokens.add(ranked.get(i).getKey());
		}
		return new Vocabulary(tokens);
	}

	/** A vocabulary with exactly these tokens after the reserved two (for tests and hand-made models). */
	public static Vocabulary of(List<String> tokensAfterReserved) {
		List<String> tokens = new ArrayList<>(tokensAfterReserved.size() + 2);
		tokens.add(PAD);
		tokens.add(UNKNOWN);
		tokens.addAll(tokensAfterReserved);
		return new Vocabulary(tokens);
	}

	/**
	 * Reads a file written by {@link #save(Path)}.
	 *
	 * @throws IllegalArgumentException if the file is not a vocabulary (reserved tokens missing, a duplicate, an
	 *     empty line)
	 */
	public static Vocabulary load(Path file) throws IOException {
		String content = Files.readString(file, StandardCharsets.UTF_8);
		if (!content.endsWith("\n")) {
			throw new IllegalArgumentException("vocabulary file " + file.getFileName() + " does not end with a newline");
		}
		return new Vocabulary(List.of(content.substring(0, content.length() - 1).split("\n", -1)));
	}

	/** Writes the file format described on this class. */
	public void save(Path file) throws IOException {
		Files.write(file, content());
	}

	/** The id of {@code token}, or {@link #UNKNOWN_ID}. */
	public int id(String token) {
		return ids.getOrDefault(token, UNKNOWN_ID);
	}

	/** The token with this id; {@code <pad>} for 0, {@code <unk>} for 1. */
	public String token(int id) {
		return tokens.get(id);
	}

	/** The number of ids, reserved ones included. */
	public int size() {
		return tokens.size();
	}

	/** Lower-case hex SHA-256 of the saved file's bytes; the model card records it. */
	public String fingerprint() {
		return fingerprint;
	}

	private byte[] content() {
		StringBuilder text = new StringBuilder(tokens.size() * 8);
		for (String token : tokens) {
			text.append(token).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return "Vocabulary[size=" + tokens.size() + ", fingerprint=" + fingerprint + "]";
	}
}
