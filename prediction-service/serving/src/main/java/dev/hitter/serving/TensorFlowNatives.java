package dev.hitter.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TensorFlow 2.10.1 natives DJL's engine runs on, taken from TF Java's {@code tensorflow-core-api:0.5.0:linux-x86_64}
 * jar on the classpath (the same build the trainer uses). DJL does not look on the classpath itself: it would try to
 * download natives, which fails offline. So the three libraries are copied once into a versioned folder, and DJL is
 * pointed at it ({@code TENSORFLOW_LIBRARY_PATH}) and told not to download ({@code DJL_OFFLINE}) before its engine
 * starts.
 *
 * <p>They are read as classpath resources, so this works from a Spring Boot fat jar (jar in a jar) as well as from a
 * plain classpath. Installing is idempotent and safe when several processes start at once: each library is written
 * to a file of its own and atomically moved into place, and a library already there with the expected size is
 * kept.
 */
public final class TensorFlowNatives {

	/** The TensorFlow build both TF Java 0.5.0 and DJL 0.28.0's engine are made for; names the cache folder. */
	public static final String TENSORFLOW_VERSION = "2.10.1";

	/** The system property that overrides {@link #defaultFolder()}. */
	public static final String FOLDER_PROPERTY = "hitter.tensorflow.natives";

	static final String RESOURCE_FOLDER = "org/tensorflow/internal/c_api/linux-x86_64/";

	/** The libraries DJL loads from the folder. */
	static final List<String> LIBRARIES = List.of("libtensorflow_framework.so.2", "libtensorflow_cc.so.2",
			"libjnitensorflow.so");

	private static final Logger log = LoggerFactory.getLogger(TensorFlowNatives.class);

	private static Path installed;

	private TensorFlowNatives() {
	}

	/**
	 * {@code -Dhitter.tensorflow.natives}, else {@code $HITTER_HOME/tensorflow-2.10.1}, else
	 * {@code ${java.io.tmpdir}/hitter-tensorflow-2.10.1}.
	 */
	public static Path defaultFolder() {
		String property = System.getProperty(FOLDER_PROPERTY);
		if (property != null && !property.isBlank()) {
			return Path.of(property);
		}
		String home = System.getenv("HITTER_HOME");
		if (home != null && !home.isBlank()) {
			return Path.of(home, "tensorflow-" + TENSORFLOW_VERSION);
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "hitter-tensorflow-" + TENSORFLOW_VERSION);
	}

	/** Installs into {@link #defaultFolder()} and points DJL at it; see {@link #install(Path)}. */
	public static Path install() {
		return install(defaultFolder());
	}

	/**
	 * Makes sure the natives are in {@code folder} and sets the {@code TENSORFLOW_LIBRARY_PATH} and
	 * {@code DJL_OFFLINE} system properties; call before anything asks DJL for an engine. A process uses one folder:
	 * DJL reads the property once, when its engine starts.
	 *
	 * @return the folder
	 * @throws IllegalStateException if the natives jar is not on the classpath, or the folder cannot be written
	 */
	public static synchronized Path install(Path folder) {
		Path target = folder.toAbsolutePath().normalize();
		if (installed != null && !installed.equals(target)) {
			log.warn("TensorFlow natives were already set up in {}; DJL keeps using them, not {}", installed, target);
			return installed;
		}
		extract(target, TensorFlowNatives.class.getClassLoader());
		System.setProperty("TENSORFLOW_LIBRARY_PATH", target.toString());
		System.setProperty("DJL_OFFLINE", "true");
		installed = target;
		return target;
	}

	/** Copies the libraries into {@code folder} unless they are already there; does not touch DJL's settings. */
	static void extract(Path folder, ClassLoader classLoader) {
		try {
			Files.createDirectories(folder);
			for (String library : LIBRARIES) {
				extractOne(folder, classLoader, library);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot unpack the TensorFlow natives into " + folder
					+ " (set -D" + FOLDER_PROPERTY + " or HITTER_HOME to a writable folder)", ex);
		}
	}

	private static void extractOne(Path folder, ClassLoader classLoader, String library) throws IOException {
		String resource = RESOURCE_FOLDER + library;
		long expectedSize = sizeOf(classLoader, resource);
		Path target = folder.resolve(library);
		if (Files.isRegularFile(target) && Files.size(target) == expectedSize) {
			return;
		}
		long started = System.nanoTime();
		// One temporary file per writer: two processes unpacking at once never write the same file.
		Path partial = Files.createTempFile(folder, library + ".", ".partial");
		try {
			try (InputStream in = classLoader.getResourceAsStream(resource)) {
				Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
			}
			long written = Files.size(partial);
			if (written != expectedSize) {
				throw new IOException(library + ": wrote " + written + " bytes, expected " + expectedSize);
			}
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
			}
			log.info("Unpacked {} ({} kB) into {} in {} ms", library, expectedSize >> 10, folder,
					(System.nanoTime() - started) / 1_000_000);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static long sizeOf(ClassLoader classLoader, String resource) throws IOException {
		URL url = classLoader.getResource(resource);
		if (url == null) {
			throw new IllegalStateException("TensorFlow natives not found on the classpath: " + resource
					+ " is missing. The server needs org.tensorflow:tensorflow-core-api:0.5.0 with classifier "
					+ "linux-x86_64 (the only platform HITTER serves on).");
		}
		URLConnection connection = url.openConnection();
		connection.setUseCaches(false);
		long size = connection.getContentLengthLong();
		if (size >= 0) {
			return size;
		}
		// Some URL handlers do not know the length; count the bytes instead.
		try (InputStream in = connection.getInputStream()) {
			return in.transferTo(OutputStream.nullOutputStream());
		}
	}
}
