package dev.hitter.serving;

/** No model set can answer: the genre has none loaded, or the one asked was replaced by a newer version. */
public class ModelsUnavailableException extends RuntimeException {

	public ModelsUnavailableException(String message) {
		super(message);
	}
}
