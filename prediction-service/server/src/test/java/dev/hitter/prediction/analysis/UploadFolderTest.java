package dev.hitter.prediction.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
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

	private static Path write(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.write(file, new byte[] { 42 });
	}
}
