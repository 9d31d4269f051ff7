package dev.hitter.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body built once and sent many times, as a partner label's tool would build it. */
final class MultipartBody {

	private final String boundary = "hitter-load-" + UUID.randomUUID();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	MultipartBody field(String name, String value) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
		write(value);
		write("\r\n");
		return this;
	}

	MultipartBody file(String name, String filename, String type, byte[] content) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n");
		body.writeBytes(content);
		write("\r\n");
		return this;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	/** The finished body, closing boundary included. */
	byte[] bytes() {
		ByteArrayOutputStream copy = new ByteArrayOutputStream(body.size() + boundary.length() + 8);
		copy.writeBytes(body.toByteArray());
		copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return copy.toByteArray();
	}

	private void write(String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
