package dev.hitter.prediction.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private folder where an upload lives while it is analysed, and nowhere else: uploads are never kept, so each
 * file is deleted when its analysis ends, whatever the outcome. The folder is readable by this user only.
 */
public final class UploadFolder {

	private static final Logger log = LoggerFactory.getLogger(UploadFolder.class);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private final Path folder;

	UploadFolder(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
		try {
			if (POSIX) {
				Files.createDirectories(this.folder, PosixFilePermissions.asFileAttribute(
						PosixFilePermissions.fromString("rwx------")));
				// createDirectories leaves an existing folder's permissions alone: tighten them.
				Files.setPosixFilePermissions(this.folder, PosixFilePermissions.fromString("rwx------"));
			}
			else {
				Files.createDirectories(this.folder);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("hitter.prediction.upload-folder " + this.folder + " cannot be created", ex);
		}
	}

	public Path path() {
		return folder;
	}

	/** Copies an upload into a new owner-only file; the caller deletes it with {@link #discard(Path)}. */
	Path receive(InputStream upload) throws IOException {
		FileAttribute<?>[] ownerOnly = POSIX
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
		Path file = Files.createTempFile(folder, "upload-", ".audio", ownerOnly);
		try (upload) {
			Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException | RuntimeException ex) {
			discard(file);
			throw ex;
		}
	}

	void discard(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// Not the caller's problem, but an upload left behind is a privacy problem: say so loudly.
			log.error("Could not delete the upload {}", file, ex);
		}
	}
}
