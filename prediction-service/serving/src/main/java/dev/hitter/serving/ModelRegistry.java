package dev.hitter.serving;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hitter.models.Genre;
import dev.hitter.models.ModelSetLayout;

/**
 * Serves each genre's newest complete model set from the models folder, and swaps in a newer one when the
 * trainer adds it, without a restart: {@link #refresh()} (run on a schedule by {@link #watch(Duration)}) loads a
 * new version next to the one in service, switches over, then retires the old one (closed once its calls in flight
 * are done). A version that fails to load is reported and not retried (publish a fixed set under a new version
 * name); the newest version that does load is served instead.
 */
public final class ModelRegistry implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

	private final RegistrySettings settings;

	private final ModelSetLayout layout;

	private final Map<Genre, GenreModels> serving = new ConcurrentHashMap<>();

	private final Map<Genre, GenreStatus> statuses = new ConcurrentHashMap<>();

	/** Versions that failed to load, per genre: a broken folder is reported once, not at every poll. */
	private final Map<Genre, Set<String>> failedVersions = new EnumMap<>(Genre.class);

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
	 * Loads, for every genre, the newest complete version if it is not the one in service.
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
		return changed;
	}

	private boolean refresh(Genre genre) {
		GenreModels current = serving.get(genre);
		List<String> versions;
		try {
			versions = layout.versions(genre);
		}
		catch (RuntimeException ex) {
			report(genre, current, "cannot read " + layout.genre(genre) + ": " + ex.getMessage());
			return false;
		}
		if (versions.isEmpty()) {
			if (current == null) {
				report(genre, null, "no complete model set in " + layout.genre(genre).toAbsolutePath()
						+ " (expected <version>/audio, lyrics, vocabulary.txt, combination.json)");
			}
			return false;
		}
		// Newest first; a version that failed is skipped for good, so an older good one can still be served.
		Set<String> failed = failedVersions.computeIfAbsent(genre, g -> new HashSet<>());
		String problem = null;
		for (int i = versions.size() - 1; i >= 0; i--) {
			String version = versions.get(i);
			if (current != null && current.version().compareTo(version) >= 0) {
				break;
			}
			if (failed.contains(version)) {
				continue;
			}
			long started = System.nanoTime();
			GenreModels loaded;
			try {
				loaded = GenreModels.load(layout, genre, layout.version(genre, version), settings.poolSize(),
						settings.borrowTimeout());
			}
			catch (Exception | LinkageError ex) {
				failed.add(version);
				problem = "cannot load " + genre + " " + version + ": " + ex.getMessage();
				log.error("{}{}", problem, current == null ? "" : "; still serving " + current.version(), ex);
				continue;
			}
			serving.put(genre, loaded);
			statuses.put(genre, new GenreStatus(genre, version, loaded.audioCard().notice(), problem, Instant.now()));
			log.info("Serving {} models {} (audio {}, lyrics {}; {} predictors each; loaded in {} ms){}", genre,
					version, loaded.audioModel().modelId(), loaded.lyricsModel().modelId(), loaded.poolSize(),
					(System.nanoTime() - started) / 1_000_000, notices(loaded));
			if (current != null) {
				current.retire();
				log.info("Retired {} models {}: closed once its calls in flight are done", genre, current.version());
			}
			return true;
		}
		if (problem != null) {
			report(genre, current, problem);
		}
		return false;
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
