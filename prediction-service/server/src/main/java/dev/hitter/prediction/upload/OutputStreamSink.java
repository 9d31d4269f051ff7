package dev.hitter.prediction.upload;

import java.io.OutputStream;

/** Where skipped part bodies go. */
final class OutputStreamSink {

	static final OutputStream NULL = OutputStream.nullOutputStream();

	private OutputStreamSink() {
	}
}
