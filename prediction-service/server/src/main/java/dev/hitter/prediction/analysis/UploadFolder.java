package dev.hitter.prediction.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private folder where an upload lives while it is analysed, and nowhere else: uploads are never kept, so each
 * file is deleted when its analysis ends, whatever the outcome. The folder is readable by this user only.
 *
 * <p>A process that is killed mid-analysis cannot delete its file, so each process keeps its uploads in a
 * subfolder named after its process id, and a starting process deletes the subfolders of processes that no longer
 * run (and its own, left by an earlier process with the same id): audio left by a crash lives only until the next
 * start. Replicas on one machine may share the folder.
 *
 * <p>An existing folder is used only if it is this user's alone (see {@link #UploadFolder(Path)}): start-up fails
 * otherwise, naming the setting.
 */
public final class UploadFolder {

	private static final Logger log = LoggerFactory.getLogger(UploadFolder.class);

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final String PROCESS_PREFIX = "pid-";

	private final Path root;

	private final Path folder;

	private static final String SETTING = "hitter.prediction.upload-folder (HITTER_UPLOAD_DIR)";

	/**
	 * @throws IllegalStateException if the folder exists but is not this user's alone (another user owns it, it is
	 *         open to the group or others, or it is a link): its default name is known to every local user, and who
	 *         made it first could read, replace or keep the uploads
	 */
	UploadFolder(Path root) {
		this.root = root.toAbsolutePath().normalize();
		long pid = ProcessHandle.current().pid();
		this.folder = this.root.resolve(PROCESS_PREFIX + pid);
		try {
			if (Files.notExists(this.root, LinkOption.NOFOLLOW_LINKS)) {
				createOwnerOnly(this.root);
			}
			requireOwnerOnly(this.root);
			deleteLeftovers(pid);
			createOwnerOnly(this.folder);
			requireOwnerOnly(this.folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(SETTING + " " + this.root + " cannot be prepared", ex);
		}
	}

	private static void createOwnerOnly(Path path) throws IOException {
		if (POSIX) {
			Files.createDirectories(path, PosixFilePermissions.asFileAttribute(
					PosixFilePermissions.fromString("rwx------")));
		}
		else {
			Files.createDirectories(path);
		}
	}

	/**
	 * Refuses a folder that is not this user's alone. Never repaired: a folder someone else could reach into may
	 * already hold what they put there, so the operator decides (remove it, or choose another folder).
	 */
	private static void requireOwnerOnly(Path path) throws IOException {
		if (!POSIX) {
			return;
		}
		PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		if (attributes.isSymbolicLink() || !attributes.isDirectory()) {
			throw new IllegalStateException(SETTING + " " + path + " is a link or not a folder: point the setting at "
					+ "a real folder that only this user can open");
		}
		UserPrincipal me = currentUser();
		if (!attributes.owner().equals(me)) {
			throw new IllegalStateException(SETTING + " " + path + " is owned by " + attributes.owner().getName()
					+ ", not by " + me.getName() + " who runs this service: another local user may have created it "
					+ "to read or replace uploads. Remove it, or set the setting to a folder of your own");
		}
		Set<PosixFilePermission> others = EnumSet.copyOf(attributes.permissions());
		others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
				PosixFilePermission.OWNER_EXECUTE));
		if (!others.isEmpty()) {
			throw new IllegalStateException(SETTING + " " + path + " is open to other users ("
					+ PosixFilePermissions.toString(attributes.permissions())
					+ "): make it owner-only (chmod 700) after checking what it holds, or set the setting to another "
					+ "folder");
		}
	}

	private static UserPrincipal currentUser() throws IOException {
		try {
			return FileSystems.getDefault()
				.getUserPrincipalLookupService()
				.lookupPrincipalByName(System.getProperty("user.name"));
		}
		catch (UserPrincipalNotFoundException ex) {
			// A user without a name (a container's bare uid): Linux gives /proc/self to the process's user.
			return Files.getOwner(Path.of("/proc/self"));
		}
	}

	/** Deletes what processes that ended left behind: their subfolders, and loose files of older versions. */
	private void deleteLeftovers(long ownPid) throws IOException {
		List<Path> stale = new ArrayList<>();
		try (Stream<Path> children = Files.list(root)) {
			for (Path child : (Iterable<Path>) children::iterator) {
				String name = child.getFileName().toString();
				if (Files.isDirectory(child) && name.startsWith(PROCESS_PREFIX)) {
					OptionalLong pid = parsePid(name.substring(PROCESS_PREFIX.length()));
					if (pid.isPresent() && (pid.getAsLong() == ownPid || ProcessHandle.of(pid.getAsLong()).isEmpty())) {
						stale.add(child);
					}
				}
				else if (Files.isRegularFile(child) && name.startsWith("upload-")) {
					stale.add(child);
				}
			}
		}
		for (Path path : stale) {
			try (Stream<Path> tree = Files.walk(path)) {
				List<Path> deepestFirst = tree.sorted(Comparator.reverseOrder()).toList();
				long files = deepestFirst.stream().filter(Files::isRegularFile).count();
				for (Path each : deepestFirst) {
					Files.deleteIfExists(each);
				}
				if (files > 0) {
					log.warn("Deleted {} upload(s) left in {} by a process that ended without cleaning up", files,
							path);
				}
			}
		}
	}

	private static OptionalLong parsePid(String digits) {
		try {
			return OptionalLong.of(Long.parseLong(digits));
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/** Where this process's uploads and the servlet container's spilled multipart parts live. */
	public Path path() {
		return folder;
	}

	/** Copies an upload into a new owner-only file; the caller deletes it with {@link #discard(Path)}. */
	public Path receive(InputStream upload) throws IOException {
		return receive(upload, Long.MAX_VALUE);
	}

	/**
	 * Copies at most {@code maxBytes} of an upload into a new owner-only file; the caller deletes it with
	 * {@link #discard(Path)}. Past the limit the partial file is deleted and {@link TooLargeException} thrown.
	 */
	public Path receive(InputStream upload, long maxBytes) throws IOException {
		FileAttribute<?>[] ownerOnly = POSIX
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
		Path file = Files.createTempFile(folder, "upload-", ".audio", ownerOnly);
		try (upload; OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			long written = 0;
			int n;
			while ((n = upload.read(buffer)) >= 0) {
				written += n;
				if (written > maxBytes) {
					throw new TooLargeException(maxBytes);
				}
				out.write(buffer, 0, n);
			}
			return file;
		}
		catch (IOException | RuntimeException ex) {
			discard(file);
			throw ex;
		}
	}

	/** An upload past its size limit. */
	public static final class TooLargeException extends RuntimeException {

		TooLargeException(long maxBytes) {
			super("larger than " + maxBytes + " bytes");
		}
	}

	/** Deletes an upload; never throws (a failure is logged, loudly). */
	public void discard(Path file) {
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
