package dev.hitter.models;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which version of a genre's models is served: the pointer file {@code <root>/<GENRE>/promoted.json}. It lives in the
 * models folder itself, so every replica reading a shared models volume serves the same version, and a back-up of
 * the folder keeps what was served. A trained version is served only once promoted ({@code ./hitter models promote}).
 *
 * @param genre the genre
 * @param version the version to serve
 * @param promotedAt when this pointer last changed (the promote or rollback that set {@code version})
 * @param previous the versions served before, the one just before first: where a rollback goes
 * @param history what happened to the pointer, oldest first (kept to the last {@value #HISTORY_KEPT} changes)
 */
public record Promotion(Genre genre, String version, Instant promotedAt, List<Served> previous, List<Change> history) {

	/** Older versions a rollback can still reach; beyond that the history says what was served. */
	public static final int PREVIOUS_KEPT = 20;

	public static final int HISTORY_KEPT = 100;

	/** A version served before, and since when it had been served. */
	public record Served(String version, Instant since) {
	}

	/** One change of the pointer: {@code promote} or {@code rollback}, from which version to which. */
	public record Change(Instant at, String action, String from, String to) {
	}

	public Promotion {
		Objects.requireNonNull(genre, "genre");
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(promotedAt, "promotedAt");
		previous = previous == null ? List.of() : List.copyOf(previous);
		history = history == null ? List.of() : List.copyOf(history);
	}

	/** The first promotion of a genre. */
	public static Promotion first(Genre genre, String version, Instant at) {
		return new Promotion(genre, version, at, List.of(), List.of(new Change(at, "promote", null, version)));
	}

	/** Serves {@code newVersion} from {@code at}; the version served until now becomes the rollback target. */
	public Promotion promote(String newVersion, Instant at) {
		List<Served> older = new ArrayList<>();
		older.add(new Served(version, promotedAt));
		older.addAll(previous);
		return new Promotion(genre, newVersion, at, keepFirst(older, PREVIOUS_KEPT),
				appended(new Change(at, "promote", version, newVersion)));
	}

	/** Serves the version served before this one again, if there was one. */
	public Optional<Promotion> rollback(Instant at) {
		if (previous.isEmpty()) {
			return Optional.empty();
		}
		Served back = previous.get(0);
		return Optional.of(new Promotion(genre, back.version(), at, previous.subList(1, previous.size()),
				appended(new Change(at, "rollback", version, back.version()))));
	}

	/** The version a rollback would serve. */
	public Optional<String> rollbackTarget() {
		return previous.isEmpty() ? Optional.empty() : Optional.of(previous.get(0).version());
	}

	private List<Change> appended(Change change) {
		List<Change> all = new ArrayList<>(history);
		all.add(change);
		return all.size() <= HISTORY_KEPT ? all : all.subList(all.size() - HISTORY_KEPT, all.size());
	}

	private static <T> List<T> keepFirst(List<T> list, int count) {
		return list.size() <= count ? list : list.subList(0, count);
	}
}
