package dev.hitter.prediction.upload;

/** The request body is not the multipart form it claims to be. */
public class MalformedMultipartException extends RuntimeException {

	MalformedMultipartException(String message) {
		super(message);
	}
}
