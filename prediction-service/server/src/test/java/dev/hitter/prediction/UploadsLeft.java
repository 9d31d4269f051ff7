package dev.hitter.prediction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The files under an upload folder, in every process's subfolder: what a test expects to be none. */
public final class UploadsLeft {

	private static final Map<Class<?>, Path> FOLDERS = new ConcurrentHashMap<>();

	private UploadsLeft() {
	}

	/**
	 * The upload folder of a test class (and of the subclasses sharing its context): created owner-only under
	 * {@code target/} the first time it is asked for, the same folder ever after in this JVM.
	 */
	public static Path folderFor(Class<?> testClass) {
		return FOLDERS.computeIfAbsent(testClass, type -> {
			try {
				return createPrivate(Path.of("target/" + type.getSimpleName() + "-uploads-" + UUID.randomUUID())
					.toAbsolutePath());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Creates an upload folder as the service wants to find one: this user's alone. The service refuses to start on
	 * an existing folder that others can open (see UploadFolder).
	 */
	public static Path createPrivate(Path folder) throws IOException {
		Files.createDirectories(folder.getParent());
		if (Files.notExists(folder)) {
			Files.createDirectory(folder,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		return folder;
	}

	public static List<Path> in(Path folder) {
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> tree = Files.walk(folder)) {
			return tree.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
