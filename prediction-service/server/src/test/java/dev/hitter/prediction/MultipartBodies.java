package dev.hitter.prediction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.multipart.MultipartFile;

/**
 * Gives a MockMvc multipart request the body a client would send. MockMvc hands parts to the application
 * already parsed; {@code POST /api/v1/predictions} reads its body as a stream instead, so its tests send real bytes.
 */
public final class MultipartBodies {

	private MultipartBodies() {
	}

	/** Encodes the request's parameters and files as its multipart/form-data body; other requests pass as they are. */
	public static RequestPostProcessor encoded() {
		return request -> {
			if (request instanceof MockMultipartHttpServletRequest multipart) {
				String boundary = "hitter-test-" + UUID.randomUUID();
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				for (Map.Entry<String, String[]> field : multipart.getParameterMap().entrySet()) {
					for (String value : field.getValue()) {
						write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
								+ "\"\r\n\r\n" + value + "\r\n");
					}
				}
				for (Map.Entry<String, List<MultipartFile>> files : multipart.getMultiFileMap().entrySet()) {
					for (MultipartFile file : files.getValue()) {
						write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + files.getKey()
								+ "\"; filename=\"" + file.getOriginalFilename() + "\"\r\nContent-Type: "
								+ (file.getContentType() == null ? "application/octet-stream" : file.getContentType())
								+ "\r\n\r\n");
						try {
							body.write(file.getBytes());
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
						write(body, "\r\n");
					}
				}
				write(body, "--" + boundary + "--\r\n");
				multipart.setContent(body.toByteArray());
				multipart.setContentType("multipart/form-data; boundary=" + boundary);
			}
			return request;
		};
	}

	private static void write(ByteArrayOutputStream body, String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
