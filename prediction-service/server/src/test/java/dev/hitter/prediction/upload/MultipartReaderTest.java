package dev.hitter.prediction.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The streaming multipart reader against bodies written here, fed in reads of every size. */
class MultipartReaderTest {

	static final String BOUNDARY = "----hitterBoundary7MA4YWxk";

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 7, 29, 64, 4096, 1 << 20 })
	void readsEveryPartWhateverSizeTheReadsAre(int chunk) throws IOException {
		byte[] audio = new byte[300_000];
		new Random(7).nextBytes(audio);
		// Bytes that start like a delimiter without being one, right inside the file.
		byte[] tricky = ("\r\n--" + BOUNDARY.substring(0, 10) + "\r\n--").getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(tricky, 0, audio, 1000, tricky.length);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("preamble that clients may send\r\n--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"genre\"\r\n\r\nBALLAD\r\n--" + BOUNDARY + "\r\n"
				+ "content-disposition: form-data; name=\"audio\"; filename=\"첫사랑 \\\"live\\\".mp3\"\r\n"
				+ "Content-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(audio);
		body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--"
				+ BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.UTF_8));

		List<MultipartReader.Part> parts = new ArrayList<>();
		List<byte[]> bodies = new ArrayList<>();
		MultipartReader reader = new MultipartReader(new Trickle(body.toByteArray(), chunk), BOUNDARY);
		MultipartReader.Part part;
		while ((part = reader.next()) != null) {
			parts.add(part);
			bodies.add(part.body().readAllBytes());
		}

		assertThat(parts).extracting(MultipartReader.Part::name).containsExactly("genre", "audio", "empty");
		assertThat(new String(bodies.get(0), StandardCharsets.UTF_8)).isEqualTo("BALLAD");
		assertThat(parts.get(1).filename()).isEqualTo("첫사랑 \"live\".mp3");
		assertThat(parts.get(1).contentType()).isEqualTo("audio/mpeg");
		assertThat(bodies.get(1)).isEqualTo(audio);
		assertThat(bodies.get(2)).isEmpty();
		assertThat(parts.get(0).isFile()).isFalse();
	}

	@Test
	void skipsWhatACallerDidNotRead() throws IOException {
		String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nfirst value\r\n--"
				+ BOUNDARY + "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nsecond\r\n--" + BOUNDARY + "--";
		MultipartReader reader = new MultipartReader(stream(body), BOUNDARY);
		assertThat(reader.next().name()).isEqualTo("a");
		MultipartReader.Part second = reader.next();
		assertThat(new String(second.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
		assertThat(reader.next()).isNull();
	}

	@Test
	void refusesBodiesThatAreNotTheFormTheyClaim() {
		String unterminated = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end";
		assertThatThrownBy(() -> readAll(unterminated)).isInstanceOf(MalformedMultipartException.class)
			.hasMessageContaining("ends inside a part");
		assertThatThrownBy(() -> readAll("just some text")).isInstanceOf(MalformedMultipartException.class)
			.hasMessageContaining("no part starts with the boundary");
		String noDisposition = "--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--";
		assertThatThrownBy(() -> readAll(noDisposition)).isInstanceOf(MalformedMultipartException.class)
			.hasMessageContaining("Content-Disposition");
		String hugeHeaders = "--" + BOUNDARY + "\r\nX-Filler: " + "x".repeat(70_000) + "\r\n\r\nx\r\n--" + BOUNDARY
				+ "--";
		assertThatThrownBy(() -> readAll(hugeHeaders)).isInstanceOf(MalformedMultipartException.class);
	}

	@Test
	void findsTheBoundaryInTheContentType() {
		assertThat(MultipartReader.boundaryOf("multipart/form-data; boundary=" + BOUNDARY)).isEqualTo(BOUNDARY);
		assertThat(MultipartReader.boundaryOf("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"")).isEqualTo("a b");
		assertThat(MultipartReader.boundaryOf("multipart/form-data")).isNull();
		assertThat(MultipartReader.boundaryOf("application/json; boundary=x")).isNull();
		assertThat(MultipartReader.boundaryOf("multipart/form-data; boundary=" + "b".repeat(71))).isNull();
	}

	private static void readAll(String body) throws IOException {
		MultipartReader reader = new MultipartReader(stream(body), BOUNDARY);
		MultipartReader.Part part;
		while ((part = reader.next()) != null) {
			part.body().readAllBytes();
		}
	}

	private static InputStream stream(String body) {
		return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
	}

	/** Hands out at most {@code chunk} bytes per read, as a slow network does. */
	private static final class Trickle extends FilterInputStream {

		private final int chunk;

		Trickle(byte[] bytes, int chunk) {
			super(new ByteArrayInputStream(bytes));
			this.chunk = chunk;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return super.read(b, off, Math.min(len, chunk));
		}
	}
}
