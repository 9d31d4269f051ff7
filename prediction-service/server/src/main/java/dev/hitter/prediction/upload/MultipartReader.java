package dev.hitter.prediction.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a {@code multipart/form-data} body as a stream, one part at a time, never holding a whole part: a track of
 * 60 MB goes from the socket to its file through a 64 KB buffer. The delimiter is found with Boyer–Moore–Horspool,
 * which skips about a delimiter's length of bytes per comparison; the servlet container's byte-by-byte search was a
 * third of the service's CPU time per 4-minute MP3 upload (docs/benchmarks.md).
 */
final class MultipartReader {

	static final int MAX_HEADER_BYTES = 8 * 1024;

	private static final int BUFFER = 64 * 1024;

	private final InputStream in;

	/** CRLF "--" boundary: what ends a part's body. The body's first delimiter lacks the CRLF: see the constructor. */
	private final byte[] delimiter;

	private final int[] shift = new int[256];

	private final byte[] buf;

	private int pos;

	private int limit;

	private boolean eof;

	/** Where the delimiter is in the buffer once found, -1 before. */
	private int delimiterAt = -1;

	private Part current;

	private boolean finished;

	/** One part: its headers, and its body as a stream that ends where the part ends. */
	record Part(String name, String filename, String contentType, InputStream body) {

		boolean isFile() {
			return filename != null;
		}
	}

	MultipartReader(InputStream in, String boundary) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		this.buf = new byte[Math.max(BUFFER, delimiter.length * 4)];
		Arrays.fill(shift, delimiter.length);
		for (int i = 0; i < delimiter.length - 1; i++) {
			shift[delimiter[i] & 0xff] = delimiter.length - 1 - i;
		}
		// The body starts with "--boundary" (or a preamble, then CRLF "--boundary"): a virtual CRLF in front makes
		// the first delimiter look like every other one.
		buf[0] = '\r';
		buf[1] = '\n';
		limit = 2;
	}

	/** The boundary of a {@code multipart/form-data} content type, or null if it has none. */
	static String boundaryOf(String contentType) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		String boundary = HeaderParameters.parameter(contentType, "boundary");
		return boundary == null || boundary.isEmpty() || boundary.length() > 70 ? null : boundary;
	}

	/** The next part, or null after the last; the previous part's unread body is skipped. */
	Part next() throws IOException {
		if (finished) {
			return null;
		}
		if (current != null) {
			current.body().transferTo(OutputStream.nullOutputStream());
		}
		else {
			skipPreamble();
		}
		current = null;
		// After a delimiter: "--" ends the body; otherwise CRLF, then the part's headers.
		if (!ensure(2)) {
			throw malformed("the body ends without its closing delimiter");
		}
		if (buf[pos] == '-' && buf[pos + 1] == '-') {
			finished = true;
			return null;
		}
		skipTransportPadding();
		String headers = readHeaders();
		String disposition = header(headers, "content-disposition");
		if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
			throw malformed("a part has no Content-Disposition: form-data header");
		}
		String name = HeaderParameters.parameter(disposition, "name");
		if (name == null) {
			throw malformed("a part has no name");
		}
		current = new Part(name, HeaderParameters.parameter(disposition, "filename"),
				header(headers, "content-type"), new BodyStream());
		return current;
	}

	private void skipPreamble() throws IOException {
		while (true) {
			int found = find();
			if (found >= 0) {
				pos = found + delimiter.length;
				delimiterAt = -1;
				return;
			}
			// Keep what could be the start of a delimiter; the rest is preamble.
			pos = Math.max(pos, limit - (delimiter.length - 1));
			if (!fill()) {
				throw malformed("no part starts with the boundary of the Content-Type");
			}
		}
	}

	private void skipTransportPadding() throws IOException {
		while (ensure(1) && (buf[pos] == ' ' || buf[pos] == '\t')) {
			pos++;
		}
		if (!ensure(2) || buf[pos] != '\r' || buf[pos + 1] != '\n') {
			throw malformed("a delimiter is not followed by a line break");
		}
		pos += 2;
	}

	/** The header block up to its empty line, ISO-8859-1 decoded except for names, which browsers send in UTF-8. */
	private String readHeaders() throws IOException {
		if (ensure(2) && buf[pos] == '\r' && buf[pos + 1] == '\n') {
			throw malformed("a part has no headers");
		}
		int searched = 0;
		while (true) {
			for (int i = pos + searched; i + 3 < limit; i++) {
				if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
					String headers = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
					pos = i + 4;
					return headers;
				}
			}
			searched = Math.max(0, limit - pos - 3);
			if (limit - pos > MAX_HEADER_BYTES) {
				throw malformed("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
			}
			if (!fill()) {
				throw malformed("the body ends inside a part's headers");
			}
		}
	}

	private static String header(String headers, String wanted) {
		for (String line : headers.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
				return line.substring(colon + 1).strip();
			}
		}
		return null;
	}

	/** Horspool from {@code pos}: the delimiter's index in the buffer, or -1. */
	private int find() {
		if (delimiterAt >= 0) {
			return delimiterAt;
		}
		int last = delimiter.length - 1;
		int i = pos;
		while (i + last < limit) {
			int j = last;
			while (buf[i + j] == delimiter[j]) {
				if (j == 0) {
					delimiterAt = i;
					return i;
				}
				j--;
			}
			i += shift[buf[i + last] & 0xff];
		}
		return -1;
	}

	/** Makes {@code n} bytes available from {@code pos}; false at the end of the input. */
	private boolean ensure(int n) throws IOException {
		while (limit - pos < n) {
			if (!fill()) {
				return false;
			}
		}
		return true;
	}

	/** Moves the unread bytes to the front and reads more; false at the end of the input. */
	private boolean fill() throws IOException {
		if (eof) {
			return false;
		}
		if (pos > 0) {
			System.arraycopy(buf, pos, buf, 0, limit - pos);
			if (delimiterAt >= 0) {
				delimiterAt -= pos;
			}
			limit -= pos;
			pos = 0;
		}
		if (limit == buf.length) {
			throw malformed("a line is longer than the read buffer");
		}
		int read = in.read(buf, limit, buf.length - limit);
		if (read < 0) {
			eof = true;
			return false;
		}
		limit += read;
		return true;
	}

	static MalformedMultipartException malformed(String why) {
		return new MalformedMultipartException("The multipart body is malformed: " + why + ".");
	}

	/** The current part's body: bytes up to the next delimiter. */
	private final class BodyStream extends InputStream {

		private boolean ended;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (ended) {
				return -1;
			}
			if (length == 0) {
				return 0;
			}
			while (true) {
				int found = find();
				int available = found >= 0 ? found - pos : limit - pos - (delimiter.length - 1);
				if (available > 0) {
					int n = Math.min(length, available);
					System.arraycopy(buf, pos, target, offset, n);
					pos += n;
					return n;
				}
				if (found >= 0) {
					pos = found + delimiter.length;
					delimiterAt = -1;
					ended = true;
					return -1;
				}
				if (!fill()) {
					throw malformed("the body ends inside a part");
				}
			}
		}
	}
}
