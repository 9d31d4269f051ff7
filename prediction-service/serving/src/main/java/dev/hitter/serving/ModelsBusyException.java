package dev.hitter.serving;

/** Every predictor of a model stayed busy for the whole borrow timeout: the server is at capacity. */
public class ModelsBusyException extends RuntimeException {

	public ModelsBusyException(String message) {
		super(message);
	}
}
