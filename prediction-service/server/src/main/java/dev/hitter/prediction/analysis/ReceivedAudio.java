package dev.hitter.prediction.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.InputStreamSource;

/**
 * An upload already received into the private upload folder: analysed where it lies, without another copy. Whoever
 * received it deletes it ({@link UploadFolder#discard(Path)}).
 */
public record ReceivedAudio(Path file) implements InputStreamSource {

	@Override
	public InputStream getInputStream() throws IOException {
		return Files.newInputStream(file);
	}
}
