package dev.hitter.localdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded database's generated passwords, one file per account ({@code <name>.password}) in a folder only
 * its owner may enter ({@code 0700}, files {@code 0600}): {@code ./hitter run} reads each service's password
 * from here and hands it to that service alone. A password is made on first use and kept across restarts.
 */
public final class CredentialsFolder {

	static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path folder;

	public CredentialsFolder(Path folder) {
		this.folder = folder;
	}

	public Path folder() {
		return folder;
	}

	/** The password of {@code name}, generated (32 random bytes) and stored owner-only when there is none yet. */
	public String password(String name) {
		DatabaseAccount.requireName("account", name);
		try {
			ensureOwnerOnlyFolder();
			Path file = folder.resolve(name + ".password");
			if (Files.exists(file)) {
				// A file copied in by hand may be readable by others: tighten it, as ssh would insist on.
				Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
				return Files.readString(file, StandardCharsets.US_ASCII).strip();
			}
			byte[] secret = new byte[32];
			RANDOM.nextBytes(secret);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			// Written under another name with owner-only permissions from the start, then moved into place: the
			// password is never readable by others, nor half-written.
			Path partial = Files.createTempFile(folder, name, ".partial",
					PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
			Files.writeString(partial, password + "\n", StandardCharsets.US_ASCII);
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the database password of " + name + " in " + folder, ex);
		}
	}

	private void ensureOwnerOnlyFolder() throws IOException {
		if (!Files.isDirectory(folder)) {
			Files.createDirectories(folder.getParent());
			Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
		}
		// createDirectory's permissions pass through the umask; set them for certain, also on an older folder.
		Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
	}
}
