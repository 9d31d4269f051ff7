package dev.hitter.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelSetLayout;
import dev.hitter.models.Promotion;

/**
 * Serves each genre's promoted model set ({@code <root>/<GENRE>/promoted.json}, see {@link Promotion}) and swaps in
 * another when the pointer changes (a promotion or a rollback), without a restart: {@link #refresh()} (run on a
 * schedule by {@link #watch(Duration)}) loads the newly promoted version next to the one in service, switches over,
 * then retires the old one (closed once its calls in flight are done). A trained version that nobody promoted is
 * never served. A promoted version that fails to load is reported in the genre's status and not retried until it is
 * promoted again; the version in service stays.
 */
public final class ModelRegistry implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

	private final RegistrySettings settings;

	private final ModelSetLayout layout;

	private final Map<Genre, GenreModels> serving = new ConcurrentHashMap<>();

	private final Map<Genre, GenreStatus> statuses = new ConcurrentHashMap<>();

	/**
	 * Promotions ({@code version@promotedAt}) that failed to load, per genre: a broken version is reported once, not
	 * loaded again at every poll.
	 */
	private final Map<Genre, Set<String>> failedPromotions = new EnumMap<>(Genre.class);

	private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

	private ScheduledExecutorService watcher;

	private boolean closed;

	/** Installs the TensorFlow natives (see {@link TensorFlowNatives}) if nobody has yet; loads nothing until refreshed. */
	public ModelRegistry(RegistrySettings settings) {
		this(settings, TensorFlowNatives.defaultFolder());
	}

	public ModelRegistry(RegistrySettings settings, Path nativesFolder) {
		this.settings = settings;
		this.layout = new ModelSetLayout(settings.root());
		TensorFlowNatives.install(nativesFolder);
		Instant now = Instant.now();
		for (Genre genre : settings.genres()) {
			statuses.put(genre, new GenreStatus(genre, null, null, "not loaded yet", now));
		}
	}

	public RegistrySettings settings() {
		return settings;
	}

	/**
	 * Loads, for every genre, the promoted version if it is not the one in service.
	 *
	 * @return true if any genre's models changed
	 */
	public synchronized boolean refresh() {
		if (closed) {
			return false;
		}
		boolean changed = false;
		for (Genre genre : settings.genres()) {
			changed |= refresh(genre);
		}
		if (changed) {
			for (Runnable listener : changeListeners) {
				listener.run();
			}
		}
		return changed;
	}

	/**
	 * Runs {@code listener} after every refresh that changed what some genre serves (on the refreshing thread, so
	 * quickly): what reports the versions in use, such as the service's metrics.
	 */
	public void onChange(Runnable listener) {
		changeListeners.add(listener);
	}

	private boolean refresh(Genre genre) {
		GenreModels current = serving.get(genre);
		Promotion promotion;
		try {
			promotion = layout.promotion(genre).orElse(null);
		}
		catch (IOException | RuntimeException ex) {
			report(genre, current, "cannot read " + layout.promotionFile(genre) + ": " + ex.getMessage());
			return false;
		}
		if (promotion == null) {
			report(genre, current, notPromoted(genre, current));
			return false;
		}
		String version = promotion.version();
		if (current != null && current.version().equals(version)) {
			// A promotion that failed to load and was then rolled back (or replaced by the served version) is no news.
			GenreStatus status = statuses.get(genre);
			if (status != null && status.problem() != null) {
				statuses.put(genre, new GenreStatus(genre, version, current.audioCard().notice(), null, Instant.now()));
			}
			return false;
		}
		// A promotion that failed is not retried at every poll; promoting the version again retries it.
		Set<String> failed = failedPromotions.computeIfAbsent(genre, g -> new HashSet<>());
		String attempt = version + "@" + promotion.promotedAt();
		if (failed.contains(attempt)) {
			return false;
		}
		Path versionDir = ModelSetLayout.isVersionName(version) ? layout.genre(genre).resolve(version) : null;
		if (versionDir == null || !Files.isDirectory(versionDir) || !layout.isComplete(versionDir)) {
			report(genre, current, "the promoted version " + version + " is " + (versionDir == null ? "not a version name"
					: Files.isDirectory(versionDir) ? "incomplete" : "missing") + " in " + layout.genre(genre).toAbsolutePath()
					+ stillServing(current));
			return false;
		}
		long started = System.nanoTime();
		GenreModels loaded;
		try {
			loaded = GenreModels.load(layout, genre, versionDir, settings.poolSize(), settings.borrowTimeout());
		}
		catch (Exception | LinkageError ex) {
			failed.add(attempt);
			String problem = "cannot load the promoted " + genre + " " + version + ": " + ex.getMessage()
					+ stillServing(current);
			log.error("Loading the promoted {} {} failed", genre, version, ex);
			report(genre, current, problem);
			return false;
		}
		serving.put(genre, loaded);
		statuses.put(genre, new GenreStatus(genre, version, loaded.audioCard().notice(), null, Instant.now()));
		log.info("Serving {} models {} (promoted {}; audio {}, lyrics {}; {} predictors each; loaded in {} ms){}", genre,
				version, promotion.promotedAt(), loaded.audioModel().modelId(), loaded.lyricsModel().modelId(),
				loaded.poolSize(), (System.nanoTime() - started) / 1_000_000, notices(loaded));
		if (current != null) {
			current.retire();
			log.info("Retired {} models {}: closed once its calls in flight are done", genre, current.version());
		}
		return true;
	}

	private String notPromoted(Genre genre, GenreModels current) {
		List<String> versions;
		try {
			versions = layout.versions(genre);
		}
		catch (RuntimeException ex) {
			return "cannot read " + layout.genre(genre) + ": " + ex.getMessage();
		}
		Path dir = layout.genre(genre).toAbsolutePath();
		if (current != null) {
			return layout.promotionFile(genre).toAbsolutePath() + " is gone; still serving " + current.version()
					+ " (promote a version again: ./hitter models promote <version> --genre " + genre + ")";
		}
		if (versions.isEmpty()) {
			return "no complete model set in " + dir
					+ " (expected <version>/audio, lyrics, vocabulary.txt, combination.json)";
		}
		return "no version of " + genre + " is promoted in " + dir + " (complete: " + String.join(", ", versions)
				+ "): evaluate one, then ./hitter models promote <version> --genre " + genre;
	}

	private static String stillServing(GenreModels current) {
		return current == null ? "" : "; still serving " + current.version();
	}

	private static String notice(String notice) {
		return notice == null || notice.isBlank() ? "" : notice;
	}

	private static String notices(GenreModels models) {
		String audio = notice(models.audioCard().notice());
		String lyrics = notice(models.lyricsCard().notice());
		if (audio.isEmpty() && lyrics.isEmpty()) {
			return "";
		}
		return audio.equals(lyrics) ? " — " + audio : " — audio: " + audio + "; lyrics: " + lyrics;
	}

	private void report(Genre genre, GenreModels current, String problem) {
		GenreStatus previous = statuses.get(genre);
		if (previous != null && problem.equals(previous.problem())) {
			return;
		}
		if (current == null) {
			log.warn("Not serving {}: {}", genre, problem);
		}
		else {
			log.warn("{}: {}", genre, problem);
		}
		statuses.put(genre, new GenreStatus(genre, current == null ? null : current.version(),
				current == null ? null : current.audioCard().notice(), problem, Instant.now()));
	}

	/** Refreshes now and then every {@code interval} on a daemon thread, until {@link #close()}. */
	public synchronized void watch(Duration interval) {
		if (watcher != null || closed) {
			return;
		}
		watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "model-registry-watch");
			thread.setDaemon(true);
			return thread;
		});
		watcher.scheduleWithFixedDelay(() -> {
			try {
				refresh();
			}
			catch (RuntimeException ex) {
				log.error("Refreshing the models failed; trying again in {}", interval, ex);
			}
		}, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The genre's models in service, if any. */
	public Optional<GenreModels> find(Genre genre) {
		return Optional.ofNullable(serving.get(genre));
	}

	/**
	 * The genre's models in service.
	 *
	 * @throws ModelsUnavailableException if the genre has none (yet)
	 */
	public GenreModels models(Genre genre) {
		GenreModels models = serving.get(genre);
		if (models == null) {
			GenreStatus status = statuses.get(genre);
			throw new ModelsUnavailableException("no " + genre + " models are being served"
					+ (status == null ? " (genre not configured)" : ": " + status.problem()));
		}
		return models;
	}

	/** Every configured genre's status, in genre order. */
	public Map<Genre, GenreStatus> status() {
		Map<Genre, GenreStatus> copy = new EnumMap<>(Genre.class);
		copy.putAll(statuses);
		return copy;
	}

	/** True when every configured genre is being served. */
	public boolean isReady() {
		return settings.genres().stream().allMatch(serving::containsKey);
	}

	/** Stops watching and retires every model set (closed once calls in flight are done). */
	@Override
	public synchronized void close() {
		closed = true;
		if (watcher != null) {
			watcher.shutdownNow();
		}
		serving.values().forEach(GenreModels::retire);
		serving.clear();
	}
}
