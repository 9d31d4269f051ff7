package dev.hitter.prediction.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Audio left by a process killed mid-analysis lives only until the next start. */
class UploadFolderTest {

	@TempDir
	Path root;

	@Test
	void aStartingProcessDeletesWhatEndedProcessesLeftAndNothingElse() throws IOException {
		Path ended = write(root.resolve("pid-" + Long.MAX_VALUE).resolve("upload-1.audio"));
		Path mine = write(root.resolve("pid-" + ProcessHandle.current().pid()).resolve("upload-2.audio"));
		long living = ProcessHandle.current().parent().orElseThrow().pid();
		Path theirs = write(root.resolve("pid-" + living).resolve("upload-3.audio"));
		Path loose = write(root.resolve("upload-4.audio"));
		Path unrelated = write(root.resolve("notes.txt"));

		UploadFolder folder = new UploadFolder(root);

		assertThat(ended).doesNotExist();
		assertThat(ended.getParent()).doesNotExist();
		assertThat(mine).doesNotExist();
		assertThat(loose).doesNotExist();
		assertThat(theirs).as("a running replica's upload").exists();
		assertThat(unrelated).exists();
		assertThat(folder.path()).isDirectory().isEqualTo(mine.getParent());
	}

	@Test
	void anUploadIsGoneOnceDiscarded() throws IOException {
		UploadFolder folder = new UploadFolder(root);
		Path file = folder.receive(new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
		assertThat(file.getParent()).isEqualTo(folder.path());
		assertThat(file).hasBinaryContent(new byte[] { 1, 2, 3 });
		folder.discard(file);
		assertThat(file).doesNotExist();
	}

	/**
	 * The default folder's name is known to every local user: one who creates it first (and keeps it theirs) would
	 * see, replace or keep every upload. Starting on such a folder must fail, naming the setting to change.
	 */
	@Test
	void refusesAFolderAnotherUserOwns() throws IOException {
		Path squatted = folderOfAnotherUser();
		String owner = Files.getOwner(squatted, LinkOption.NOFOLLOW_LINKS).getName();
		assertThat(owner).isNotEqualTo(System.getProperty("user.name"));

		assertThatThrownBy(() -> new UploadFolder(squatted)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hitter.prediction.upload-folder")
			.hasMessageContaining("HITTER_UPLOAD_DIR")
			.hasMessageContaining("owned by " + owner);
		assertThat(squatted.resolve("pid-" + ProcessHandle.current().pid())).doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "rwxrwxrwx", "rwx---r-x", "rwxr-x---", "rwx-w----" })
	void refusesAFolderOthersCanReachInto(String permissions) throws IOException {
		Path open = Files.createDirectory(root.resolve("hitter-uploads"));
		Files.setPosixFilePermissions(open, PosixFilePermissions.fromString(permissions));

		assertThatThrownBy(() -> new UploadFolder(open)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hitter.prediction.upload-folder")
			.hasMessageContaining(permissions);
		assertThat(Files.getPosixFilePermissions(open)).as("left as it was")
			.isEqualTo(PosixFilePermissions.fromString(permissions));
	}

	@Test
	void refusesALinkInPlaceOfTheFolder() throws IOException {
		Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
		Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
		Path link = Files.createSymbolicLink(root.resolve("hitter-uploads"), elsewhere);

		assertThatThrownBy(() -> new UploadFolder(link)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("hitter.prediction.upload-folder")
			.hasMessageContaining("link");
	}

	@Test
	void createsTheFolderAndItsProcessSubfolderOwnerOnly() throws IOException {
		UploadFolder folder = new UploadFolder(root.resolve("new").resolve("hitter-uploads"));

		for (Path each : new Path[] { folder.path().getParent(), folder.path() }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(each))).as(each.toString())
				.isEqualTo("rwx------");
			assertThat(Files.getOwner(each, LinkOption.NOFOLLOW_LINKS).getName())
				.isEqualTo(System.getProperty("user.name"));
		}
	}

	/**
	 * As root (the test machines), a fresh owner-only folder given to {@code nobody}; as anyone else, where only
	 * root can make a folder someone else's, the file system root, which root owns.
	 */
	private Path folderOfAnotherUser() throws IOException {
		if (!"root".equals(System.getProperty("user.name"))) {
			return root.getRoot();
		}
		Path squatted = Files.createDirectory(root.resolve("hitter-uploads"));
		Files.setPosixFilePermissions(squatted, PosixFilePermissions.fromString("rwx------"));
		Files.setOwner(squatted, root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
		return squatted;
	}

	private static Path write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.write(file, new byte[] { 42 });
	}
}
